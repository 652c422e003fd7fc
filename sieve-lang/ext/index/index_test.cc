// index (RFC 5260 §6): which occurrence of a header field :index/:last select.
#include <gtest/gtest.h>

#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

constexpr char kMessage[] =
    "Received: from a.example (relay 1); Mon, 2 Nov 2026 10:00:00 +0000\r\n"
    "Received: from b.example (relay 2); Sun, 1 Nov 2026 09:00:00 +0000\r\n"
    "Received: from c.example (relay 3); Sat, 31 Oct 2026 08:00:00 +0000\r\n"
    "To: one@example.org, two@example.org\r\n"
    "To: three@example.net\r\n"
    "Cc: four@example.com\r\n"
    "Subject: x\r\n\r\nbody\r\n";

std::string Outcome(std::string_view test) {
  std::string script =
      "require [\"index\", \"date\", \"relational\", \"comparator-i;ascii-numeric\"];\nif " +
                       std::string(test) + " { discard; }";
  return testing::RunScript(testing::AllExtensionsEngine(), script, kMessage, {});
}

TEST(IndexTest, HeaderSelectsOneField) {
  EXPECT_EQ(Outcome("header :index 2 :contains \"received\" \"relay 2\""), "discard");
  EXPECT_EQ(Outcome("header :index 2 :contains \"received\" \"relay 1\""), " | keep");
  EXPECT_EQ(Outcome("header :index 1 :last :contains \"received\" \"relay 3\""), "discard");
  EXPECT_EQ(Outcome("header :last :index 3 :contains \"received\" \"relay 1\""), "discard");
  EXPECT_EQ(Outcome("header :index 4 :contains \"received\" \"\""), " | keep");  // no 4th
}

TEST(IndexTest, AddressIndexCountsFieldsNotAddresses) {
  EXPECT_EQ(Outcome("address :index 1 :is \"to\" \"two@example.org\""), "discard");
  EXPECT_EQ(Outcome("address :index 2 :is \"to\" \"two@example.org\""), " | keep");
  EXPECT_EQ(Outcome("address :index 1 :last :domain :is \"to\" \"example.net\""), "discard");
  EXPECT_EQ(Outcome("address :index 1 :count \"eq\" :comparator \"i;ascii-numeric\" "
                    "\"to\" \"2\""),
            "discard");
}

// RFC 5260 §6: with several names, the fields of all of them are counted together, in the
// order of the list (here the two To fields, then the Cc or Subject field).
TEST(IndexTest, SeveralNamesAreCountedTogetherInListOrder) {
  EXPECT_EQ(Outcome("address :index 3 :is [\"to\", \"cc\"] \"four@example.com\""), "discard");
  EXPECT_EQ(Outcome("address :index 1 :is [\"cc\", \"to\"] \"four@example.com\""), "discard");
  EXPECT_EQ(Outcome("address :index 1 :is [\"to\", \"cc\"] \"four@example.com\""),
            " | keep");
  EXPECT_EQ(Outcome("header :index 3 :is [\"to\", \"subject\"] \"x\""), "discard");
  EXPECT_EQ(Outcome("header :index 1 :last :is [\"subject\", \"to\"] \"three@example.net\""),
            "discard");
  EXPECT_EQ(Outcome("header :index 1 :last :is [\"to\", \"subject\"] \"three@example.net\""),
            " | keep");
}

TEST(IndexTest, DateOfTheFirstReceivedField) {
  EXPECT_EQ(Outcome("date :index 1 :zone \"+0000\" \"received\" \"day\" \"02\""), "discard");
  EXPECT_EQ(Outcome("date :index 1 :last :zone \"+0000\" \"received\" \"day\" \"31\""),
            "discard");
}

TEST(IndexTest, CompileErrors) {
  EXPECT_NE(Outcome("header :last \"to\" \"x\"").find("requires the :index"), std::string::npos);
  EXPECT_NE(Outcome("header :index 0 \"to\" \"x\"").find("0 is not a valid index"),
            std::string::npos);
  EXPECT_NE(Outcome("header :index \"to\" \"x\"").find("COMPILE ERROR"), std::string::npos);
}

}  // namespace
}  // namespace sieve
