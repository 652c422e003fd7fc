// relational (RFC 5231): :value and :count through the comparator ordering.
#include <gtest/gtest.h>

#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

constexpr char kMessage[] =
    "From: a@example.org\r\nTo: b@example.org, c@example.org\r\nCc: d@example.org\r\n"
    "X-Score: 12\r\nX-Score: 7\r\nSubject: hello\r\n\r\nbody\r\n";

std::string Outcome(std::string_view rule) {
  const Engine& engine = testing::AllExtensionsEngine();
  std::string script = "require [\"relational\", \"comparator-i;ascii-numeric\", \"fileinto\", \"envelope\"];\n";
  script += "if " + std::string(rule) + " { fileinto \"hit\"; }";
  return testing::RunScript(engine, script, kMessage, {.from = "a@example.org", .to = "b@x.org"});
}

TEST(RelationalTest, ValueUnderAsciiNumeric) {
  const std::string numeric = ":comparator \"i;ascii-numeric\" ";
  EXPECT_EQ(Outcome("header :value \"gt\" " + numeric + "\"x-score\" \"10\""), "store hit");
  EXPECT_EQ(Outcome("header :value \"ge\" " + numeric + "\"x-score\" \"12\""), "store hit");
  EXPECT_EQ(Outcome("header :value \"gt\" " + numeric + "\"x-score\" \"12\""), " | keep");
  EXPECT_EQ(Outcome("header :value \"lt\" " + numeric + "\"x-score\" \"8\""), "store hit");
  EXPECT_EQ(Outcome("header :value \"eq\" " + numeric + "\"x-score\" \"007\""), "store hit");
  EXPECT_EQ(Outcome("header :value \"ne\" " + numeric + "\"x-score\" \"7\""), "store hit");
  // RFC 4790 §9.1.1: a string without leading digits is positive infinity.
  EXPECT_EQ(Outcome("header :value \"gt\" " + numeric + "\"subject\" \"99999\""), "store hit");
}

TEST(RelationalTest, ValueUnderCasemapIsStringOrder) {
  EXPECT_EQ(Outcome("header :value \"lt\" \"x-score\" \"2\""), "store hit");  // "12" < "2"
  EXPECT_EQ(Outcome("header :value \"GT\" \"subject\" \"HELLO\""), " | keep");
}

TEST(RelationalTest, CountCountsValues) {
  const std::string numeric = ":comparator \"i;ascii-numeric\" ";
  EXPECT_EQ(Outcome("header :count \"eq\" " + numeric + "\"x-score\" \"2\""), "store hit");
  EXPECT_EQ(Outcome("address :count \"eq\" " + numeric + "[\"to\", \"cc\"] \"3\""), "store hit");
  EXPECT_EQ(Outcome("header :count \"eq\" " + numeric + "\"x-missing\" \"0\""), "store hit");
  EXPECT_EQ(Outcome("envelope :count \"ge\" " + numeric + "\"to\" \"1\""), "store hit");
}

TEST(RelationalTest, InvalidRelationIsACompileError) {
  EXPECT_EQ(Outcome("header :value \"gr\" \"subject\" \"x\""),
            "COMPILE ERROR: 2:4: error: invalid relational match type argument 'gr' for the "
            ":value match type (must be one of gt, ge, lt, le, eq or ne) "
            "0:0: error: validation failed");
}

}  // namespace
}  // namespace sieve
