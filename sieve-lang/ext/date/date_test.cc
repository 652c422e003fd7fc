// date (RFC 5260): date parts in the original, a given and the local zone; currentdate.
#include <gtest/gtest.h>

#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

std::string Outcome(std::string_view test) {
  FakeHost host;  // its clock is fixed at 2026-01-01T00:00:00Z
  return testing::RunScript(testing::AllExtensionsEngine(),
                            "require [\"date\", \"relational\"];\nif " + std::string(test) +
                                " { discard; }",
                            "Date: Mon, 20 Jul 2009 21:44:43 +0300\r\nX-Bad-Date: soon\r\n\r\n",
                            {}, &host);
}

TEST(DateExtensionTest, PartsInTheOriginalZone) {
  EXPECT_EQ(Outcome("date :originalzone \"date\" \"iso8601\" \"2009-07-20T21:44:43+03:00\""),
            "discard");
  EXPECT_EQ(Outcome("date :originalzone \"date\" \"std11\" \"Mon, 20 Jul 2009 21:44:43 +0300\""),
            "discard");
  EXPECT_EQ(Outcome("date :originalzone \"date\" \"julian\" \"55032\""), "discard");
  EXPECT_EQ(Outcome("date :originalzone \"date\" \"weekday\" \"1\""), "discard");
}

TEST(DateExtensionTest, ZoneConversion) {
  EXPECT_EQ(Outcome("date :zone \"-0500\" \"date\" \"time\" \"13:44:43\""), "discard");
  EXPECT_EQ(Outcome("date :zone \"+1200\" \"date\" \"date\" \"2009-07-21\""), "discard");
  EXPECT_EQ(Outcome("date :zone \"+1200\" \"date\" \"zone\" \"+1200\""), "discard");
}

TEST(DateExtensionTest, InvalidDateHasNoValue) {
  EXPECT_EQ(Outcome("date :count \"eq\" \"x-bad-date\" \"year\" \"0\""), "discard");
  EXPECT_EQ(Outcome("date \"x-bad-date\" \"year\" \"2009\""), " | keep");
}

TEST(DateExtensionTest, CurrentDateUsesTheHostClock) {
  EXPECT_EQ(Outcome("currentdate :zone \"+0000\" \"date\" \"2026-01-01\""), "discard");
  EXPECT_EQ(Outcome("currentdate :zone \"-0100\" \"year\" \"2025\""), "discard");
}

TEST(DateExtensionTest, BadPartOrZoneIsACompileError) {
  EXPECT_EQ(Outcome("date \"date\" \"fortnight\" \"1\""),
            "COMPILE ERROR: 2:4: error: invalid date part 'fortnight' specified "
            "0:0: error: validation failed");
  EXPECT_EQ(Outcome("date :zone \"CET\" \"date\" \"year\" \"2009\""),
            "COMPILE ERROR: 2:4: error: invalid time zone 'CET' specified "
            "0:0: error: validation failed");
}

}  // namespace
}  // namespace sieve
