// regex: RE2-backed :regex, captures as match variables, compile-time pattern errors, and
// linear time on a pattern that makes backtracking engines explode.
#include <gtest/gtest.h>

#include <chrono>

#include "sieve-lang/core/core.h"
#include "sieve-lang/ext/regex/regex.h"
#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

std::string Outcome(std::string_view body) {
  return testing::RunScript(
      testing::AllExtensionsEngine(),
      "require [\"regex\", \"variables\", \"fileinto\", \"comparator-i;ascii-numeric\"];\n" +
          std::string(body),
      "Subject: Invoice 2026-0042 for ACME\r\nX-Spam: yes\r\n\r\nbody\r\n", {});
}

TEST(RegexTest, SearchIsUnanchoredAndFollowsTheComparator) {
  EXPECT_EQ(Outcome("if header :regex \"subject\" \"[0-9]{4}-[0-9]+\" { discard; }"), "discard");
  EXPECT_EQ(Outcome("if header :regex \"subject\" \"^invoice\" { discard; }"), "discard");
  EXPECT_EQ(Outcome("if header :regex :comparator \"i;octet\" \"subject\" \"^invoice\" "
                    "{ discard; }"),
            " | keep");
  EXPECT_EQ(Outcome("if header :regex \"subject\" \"(acme|widgets)$\" { discard; }"), "discard");
  EXPECT_EQ(Outcome("if header :regex \"subject\" \"^for\" { discard; }"), " | keep");
}

TEST(RegexTest, GroupsBecomeMatchVariables) {
  EXPECT_EQ(Outcome("if header :regex \"subject\" \"([0-9]+)-([0-9]+)(x)?\" "
                    "{ fileinto \"${0}|${1}|${2}|${3}\"; }"),
            "store 2026-0042|2026|0042|");
}

TEST(RegexTest, BadPatternIsACompileErrorUnlessItHasVariables) {
  EXPECT_EQ(Outcome("if header :regex \"subject\" \"(\" { discard; }").substr(0, 60),
            "COMPILE ERROR: 2:4: error: invalid regular expression '(' fo");
  EXPECT_EQ(Outcome("set \"p\" \"(\"; if header :regex \"subject\" \"${p}\" { discard; }"),
            " | keep");
}

// Pigeonhole's behaviour: the test is false, an error is reported, and the script goes on.
TEST(RegexTest, BadPatternFromVariablesIsReportedAndTheScriptContinues) {
  const Engine& engine = testing::AllExtensionsEngine();
  CompileOutput out = engine.Compile(
      "require [\"regex\", \"variables\", \"fileinto\"];\nset \"p\" \"[\";\n"
      "if header :regex \"subject\" \"${p}\" { discard; }\nfileinto \"After\";",
      "test");
  ASSERT_TRUE(out.program);
  mail::Message message{std::string("Subject: hi\r\n\r\nbody\r\n")};
  FakeHost host;
  ExecOutcome outcome = engine.Execute(*out.program, {.message = &message, .host = &host});
  EXPECT_FALSE(outcome.error);
  ASSERT_EQ(outcome.reported_errors.size(), 1u);
  EXPECT_EQ(outcome.reported_errors[0].location.line, 3);
  EXPECT_NE(outcome.reported_errors[0].message.find("invalid regular expression '['"),
            std::string::npos);
  ASSERT_EQ(outcome.actions.size(), 1u);
  EXPECT_EQ(outcome.actions[0].target, "After");
}

TEST(RegexTest, ComparatorWithoutSubstringsIsRefused) {
  EXPECT_EQ(Outcome("if header :regex :comparator \"i;ascii-numeric\" \"x-spam\" \"y\" {}"),
            "COMPILE ERROR: 2:4: error: the i;ascii-numeric comparator does not support the "
            ":regex match type 0:0: error: validation failed");
}

TEST(RegexTest, PathologicalPatternRunsInLinearTime) {
  std::string value(1 << 20, 'a');
  value += 'b';
  auto start = std::chrono::steady_clock::now();
  bool hit = ext::RegexMatchType().Match(core::OctetComparator(), value, "(a+)+$", "", nullptr);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_FALSE(hit);  // the value ends in "b"; a backtracking engine tries 2^n splits first
  // Generous bound: this guards against exponential time, it does not measure speed (the
  // bench suite's BM_RegexPathological does).
  EXPECT_LT(elapsed, std::chrono::seconds(5));
}

}  // namespace
}  // namespace sieve
