// RFC 5322 §3.3 date-time parsing, with the obsolete forms of §4.3.
#include "mail/date.h"

#include <gtest/gtest.h>

namespace mail {
namespace {

TEST(DateTest, ParsesTheCommonForms) {
  auto d = ParseDateTime("Mon, 20 Jul 2009 21:44:43 +0300");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->epoch_seconds, 1248115483);
  EXPECT_EQ(d->zone_minutes, 180);
  auto no_weekday = ParseDateTime("20 Jul 2009 18:44:43 +0000 (UTC)");
  ASSERT_TRUE(no_weekday);
  EXPECT_EQ(no_weekday->epoch_seconds, 1248115483);
  auto no_seconds = ParseDateTime("Mon, 20 Jul 2009 18:44 -0130");
  ASSERT_TRUE(no_seconds);
  EXPECT_EQ(no_seconds->zone_minutes, -90);
}

TEST(DateTest, ObsoleteYearsAndZones) {
  EXPECT_EQ(ParseDateTime("1 Jan 49 00:00:00 GMT")->epoch_seconds,
            ParseDateTime("1 Jan 2049 00:00:00 +0000")->epoch_seconds);
  EXPECT_EQ(ParseDateTime("1 Jan 99 00:00:00 UT")->epoch_seconds,
            ParseDateTime("1 Jan 1999 00:00:00 +0000")->epoch_seconds);
  EXPECT_EQ(ParseDateTime("1 Jan 2000 00:00:00 EST")->zone_minutes, -300);
  EXPECT_EQ(ParseDateTime("1 Jan 2000 00:00:00 pdt")->zone_minutes, -420);
}

TEST(DateTest, RejectsWhatIsNotADate) {
  for (const char* bad : {"", "yesterday", "32 Jan 2000 00:00:00 +0000",
                          "1 Foo 2000 00:00:00 +0000", "1 Jan 2000 24:00:00 +0000",
                          "1 Jan 2000 00:00:00 +0160", "1 Jan 2000 00:00:00 XYZ"}) {
    EXPECT_FALSE(ParseDateTime(bad)) << bad;
  }
}

TEST(DateTest, CivilDaysRoundTrip) {
  for (int64_t days : {-719468, -40587, 0, 14445, 2932896}) {
    int64_t y = 0;
    unsigned m = 0, d = 0;
    CivilFromDays(days, y, m, d);
    EXPECT_EQ(DaysFromCivil(y, m, d), days);
  }
  EXPECT_EQ(DaysFromCivil(1858, 11, 17), -40587);  // day 0 of the Modified Julian Day
}

}  // namespace
}  // namespace mail
