#include "config/values.h"

#include <gtest/gtest.h>

namespace config {
namespace {

using std::chrono::milliseconds;

TEST(ValuesTest, BoolAcceptsWhatDovecotAccepts) {
  for (std::string_view yes : {"yes", "YES", "Yes", "y", "Y", "1"}) {
    EXPECT_EQ(ParseBool(yes).value_or(false), true) << yes;
  }
  EXPECT_EQ(ParseBool("no").value_or(true), false);
  EXPECT_EQ(ParseBool("No").value_or(true), false);
  // Dovecot 2.3 rejects these: "n" and "0" are not false, "true" is not a word it knows.
  for (std::string_view bad : {"maybe", "", "n", "0", "true", "yes "}) {
    auto parsed = ParseBool(bad);
    ASSERT_FALSE(parsed.has_value()) << bad;
    EXPECT_EQ(parsed.error().message(),
              "Invalid boolean value: " + std::string(bad) + " (use yes or no)");
  }
}

TEST(ValuesTest, Uint) {
  EXPECT_EQ(ParseUint("0").value_or(1), 0u);
  EXPECT_EQ(ParseUint("4294967296").value_or(0), 4294967296u);
  EXPECT_FALSE(ParseUint("").has_value());
  EXPECT_FALSE(ParseUint("-1").has_value());
  EXPECT_FALSE(ParseUint("1k").has_value());
  EXPECT_FALSE(ParseUint(" 1").has_value());
  auto huge = ParseUint("99999999999999999999999");
  ASSERT_FALSE(huge.has_value());
  EXPECT_NE(huge.error().message().find("too large"), std::string::npos);
}

TEST(ValuesTest, SizeSuffixesAsSettingsGetSize) {
  EXPECT_EQ(ParseSize("0").value_or(1), 0u);
  EXPECT_EQ(ParseSize("5").value_or(0), 5u);
  EXPECT_EQ(ParseSize("5b").value_or(0), 5u);
  EXPECT_EQ(ParseSize("5 B").value_or(0), 5u);
  EXPECT_EQ(ParseSize("1k").value_or(0), 1024u);
  EXPECT_EQ(ParseSize("1 kB").value_or(0), 1024u);
  EXPECT_EQ(ParseSize("1KiB").value_or(0), 1024u);
  EXPECT_EQ(ParseSize("1ki").value_or(0), 1024u);
  EXPECT_EQ(ParseSize("10M").value_or(0), 10u << 20);
  EXPECT_EQ(ParseSize("256 M").value_or(0), 256u << 20);
  EXPECT_EQ(ParseSize("1G").value_or(0), uint64_t{1} << 30);
  EXPECT_EQ(ParseSize("1t").value_or(0), uint64_t{1} << 40);
  EXPECT_EQ(ParseSize("18446744073709551615 B").value_or(0), UINT64_MAX);
  for (std::string_view bad :
       {"", "unlimited", "1.5M", "1 x", "M", "1Mx", "5bb", "1kibb", "16777216T"}) {
    EXPECT_FALSE(ParseSize(bad).has_value()) << bad;
  }
  EXPECT_EQ(ParseSize("1 x").error().message(), "Invalid size: 1 x");
}

TEST(ValuesTest, TimeUnitsAsSettingsGetTime) {
  EXPECT_EQ(ParseTime("30").value_or(milliseconds(0)), milliseconds(30'000));
  EXPECT_EQ(ParseTime("30s").value_or(milliseconds(0)), milliseconds(30'000));
  EXPECT_EQ(ParseTime("2 secs").value_or(milliseconds(0)), milliseconds(2'000));
  EXPECT_EQ(ParseTime("500 ms").value_or(milliseconds(0)), milliseconds(500));
  EXPECT_EQ(ParseTime("500msecs").value_or(milliseconds(0)), milliseconds(500));
  EXPECT_EQ(ParseTime("3 MIN").value_or(milliseconds(0)), milliseconds(180'000));
  EXPECT_EQ(ParseTime("1 Hour").value_or(milliseconds(0)), milliseconds(3'600'000));
  EXPECT_EQ(ParseTime("1 hours").value_or(milliseconds(0)), milliseconds(3'600'000));
  EXPECT_EQ(ParseTime("1d").value_or(milliseconds(0)), milliseconds(86'400'000));
  EXPECT_EQ(ParseTime("2 weeks").value_or(milliseconds(0)), milliseconds(1'209'600'000));
  for (std::string_view bad : {"", "infinite", "1 fortnight", "h", "-1s"}) {
    EXPECT_FALSE(ParseTime(bad).has_value()) << bad;
  }
  EXPECT_EQ(ParseTime("infinite").error().message(), "Invalid time interval: infinite");
}

TEST(ValuesTest, SplitList) {
  EXPECT_EQ(SplitList("imap pop3  lmtp"), (std::vector<std::string>{"imap", "pop3", "lmtp"}));
  EXPECT_EQ(SplitList("*, ::"), (std::vector<std::string>{"*", "::"}));
  EXPECT_TRUE(SplitList("").empty());
  EXPECT_TRUE(SplitList(" , ").empty());
}

}  // namespace
}  // namespace config
