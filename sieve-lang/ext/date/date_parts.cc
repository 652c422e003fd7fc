#include "sieve-lang/ext/date/date_parts.h"

#include <array>
#include <cstdio>
#include <ctime>

#include "base/strings.h"
#include "mail/date.h"

namespace sieve::ext {
namespace {

constexpr std::array<std::string_view, 13> kParts = {
    "year", "month", "day", "date", "julian", "hour", "minute",
    "second", "time", "iso8601", "std11", "zone", "weekday"};
constexpr std::array<const char*, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
// Day number (since 1970) of 1858-11-17, day 0 of the Modified Julian Day count.
constexpr int64_t kMjdEpoch = -40587;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::string Zone(int minutes, bool colon) {
  char buf[16];
  int abs = minutes < 0 ? -minutes : minutes;
  std::snprintf(buf, sizeof buf, colon ? "%c%02d:%02d" : "%c%02d%02d", minutes < 0 ? '-' : '+',
                abs / 60, abs % 60);
  return buf;
}

}  // namespace

bool IsDatePart(std::string_view part) {
  std::string lower = base::AsciiToLower(part);
  for (std::string_view p : kParts) {
    if (p == lower) return true;
  }
  return false;
}

std::optional<int> ParseZone(std::string_view zone) {
  if (zone.size() != 5 || (zone[0] != '+' && zone[0] != '-')) return std::nullopt;
  for (char c : zone.substr(1)) {
    if (!base::IsAsciiDigit(c)) return std::nullopt;
  }
  int hours = (zone[1] - '0') * 10 + (zone[2] - '0');
  int minutes = (zone[3] - '0') * 10 + (zone[4] - '0');
  if (minutes > 59) return std::nullopt;
  return (hours * 60 + minutes) * (zone[0] == '-' ? -1 : 1);
}

int LocalZoneMinutes(int64_t epoch_seconds) {
  std::time_t t = static_cast<std::time_t>(epoch_seconds);
  std::tm local{};
  if (localtime_r(&t, &local) == nullptr) return 0;
  return static_cast<int>(local.tm_gmtoff / 60);
}

std::string DatePart(std::string_view part, int64_t epoch_seconds, int zone_minutes) {
  const int64_t local = epoch_seconds + int64_t{zone_minutes} * 60;
  const int64_t days = FloorDiv(local, 86400);
  const int64_t secs = local - days * 86400;
  int64_t year = 0;
  unsigned month = 0, day = 0;
  mail::CivilFromDays(days, year, month, day);
  const int hour = static_cast<int>(secs / 3600), minute = static_cast<int>(secs / 60 % 60),
            second = static_cast<int>(secs % 60);
  const int weekday = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
  std::string lower = base::AsciiToLower(part);
  char buf[64];
  if (lower == "year") std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(year));
  else if (lower == "month") std::snprintf(buf, sizeof buf, "%02u", month);
  else if (lower == "day") std::snprintf(buf, sizeof buf, "%02u", day);
  else if (lower == "date") {
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(year), month, day);
  } else if (lower == "julian") {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(days - kMjdEpoch));
  } else if (lower == "hour") std::snprintf(buf, sizeof buf, "%02d", hour);
  else if (lower == "minute") std::snprintf(buf, sizeof buf, "%02d", minute);
  else if (lower == "second") std::snprintf(buf, sizeof buf, "%02d", second);
  else if (lower == "time") std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", hour, minute, second);
  else if (lower == "iso8601") {
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d%s",
                  static_cast<long long>(year), month, day, hour, minute, second,
                  Zone(zone_minutes, true).c_str());
  } else if (lower == "std11") {
    std::snprintf(buf, sizeof buf, "%s, %u %s %04lld %02d:%02d:%02d %s", kWeekdays[weekday], day,
                  kMonths[month - 1], static_cast<long long>(year), hour, minute, second,
                  Zone(zone_minutes, false).c_str());
  } else if (lower == "zone") {
    return Zone(zone_minutes, false);
  } else if (lower == "weekday") {
    std::snprintf(buf, sizeof buf, "%d", weekday);
  } else {
    return "";
  }
  return buf;
}

}  // namespace sieve::ext
