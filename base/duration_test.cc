#include "base/duration.h"

#include <gtest/gtest.h>

namespace base {
namespace {

using std::chrono::milliseconds;

TEST(DurationTest, NumbersWithDovecotUnits) {
  EXPECT_EQ(ParseDuration("2s"), milliseconds(2000));
  EXPECT_EQ(ParseDuration(" 30 secs "), milliseconds(30'000));
  EXPECT_EQ(ParseDuration("5 mins"), milliseconds(300'000));
  EXPECT_EQ(ParseDuration("500ms"), milliseconds(500));
  EXPECT_EQ(ParseDuration("1 Week"), milliseconds(604'800'000));
  EXPECT_EQ(ParseDuration("0"), milliseconds(0));
  EXPECT_EQ(ParseDuration("7"), milliseconds(7000));  // a bare number is seconds
}

TEST(DurationTest, Rejects) {
  EXPECT_EQ(ParseDuration(""), std::nullopt);
  EXPECT_EQ(ParseDuration("s"), std::nullopt);
  EXPECT_EQ(ParseDuration("2 fortnights"), std::nullopt);
  EXPECT_EQ(ParseDuration("-1s"), std::nullopt);
  EXPECT_EQ(ParseDuration("99999999999999999999 w"), std::nullopt);
}

}  // namespace
}  // namespace base
