// RFC 5322 §3.3 date-time (with the obsolete forms of §4.3: two-digit years, named zones),
// as found in Date:, Resent-Date: and Received: fields.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mail {

struct DateTime {
  int64_t epoch_seconds = 0;  // the instant, in seconds since 1970-01-01T00:00:00Z
  int zone_minutes = 0;       // the offset the text was written in (+0300 -> 180)
};

// Parses "[Mon, ]20 Jul 2009 21:44:43 +0300"; nullopt when it is not a valid date-time.
std::optional<DateTime> ParseDateTime(std::string_view text);

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day);
void CivilFromDays(int64_t days, int64_t& year, unsigned& month, unsigned& day);

// "Sun, 22 Nov 2026 10:11:12 +0000": RFC 5322 §3.3 in UTC (Date:, Received:).
std::string FormatDateTime(std::chrono::system_clock::time_point when);

}  // namespace mail
