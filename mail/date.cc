#include "mail/date.h"

#include <array>
#include <cctype>
#include <cstdio>

#include "base/strings.h"

namespace mail {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  // Skips folding white space and comments (RFC 5322 CFWS).
  void SkipCfws() {
    while (i_ < s_.size()) {
      if (base::IsAsciiSpace(s_[i_])) {
        ++i_;
      } else if (s_[i_] == '(') {
        int depth = 0;
        do {
          if (s_[i_] == '(') ++depth;
          if (s_[i_] == ')') --depth;
          ++i_;
        } while (i_ < s_.size() && depth > 0);
      } else {
        break;
      }
    }
  }
  std::optional<int64_t> Number(size_t min_digits, size_t max_digits) {
    size_t start = i_;
    int64_t value = 0;
    while (i_ < s_.size() && base::IsAsciiDigit(s_[i_]) && i_ - start < max_digits) {
      value = value * 10 + (s_[i_++] - '0');
    }
    if (i_ - start < min_digits) return std::nullopt;
    return value;
  }
  std::string_view Word() {
    size_t start = i_;
    while (i_ < s_.size() && base::IsAsciiAlpha(s_[i_])) ++i_;
    return s_.substr(start, i_ - start);
  }
  bool Consume(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool AtEnd() const { return i_ >= s_.size(); }
  char Peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

// Named zones of RFC 5322 §4.3; military letters mean "unknown", like -0000.
std::optional<int> NamedZone(std::string_view name) {
  std::string lower = base::AsciiToLower(name);
  if (lower == "ut" || lower == "gmt" || lower == "z") return 0;
  if (lower == "edt") return -4 * 60;
  if (lower == "est" || lower == "cdt") return -5 * 60;
  if (lower == "cst" || lower == "mdt") return -6 * 60;
  if (lower == "mst" || lower == "pdt") return -7 * 60;
  if (lower == "pst") return -8 * 60;
  if (lower.size() == 1 && lower[0] >= 'a' && lower[0] <= 'z' && lower[0] != 'j') return 0;
  return std::nullopt;
}

}  // namespace

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int64_t& year, unsigned& month, unsigned& day) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = static_cast<int64_t>(yoe) + era * 400 + (month <= 2);
}

std::optional<DateTime> ParseDateTime(std::string_view text) {
  Cursor c(text);
  c.SkipCfws();
  if (base::IsAsciiAlpha(c.Peek())) {  // optional day-of-week
    if (c.Word().size() != 3) return std::nullopt;
    c.SkipCfws();
    if (!c.Consume(',')) return std::nullopt;
    c.SkipCfws();
  }
  auto day = c.Number(1, 2);
  c.SkipCfws();
  std::string month_name = base::AsciiToLower(c.Word());
  c.SkipCfws();
  auto year = c.Number(2, 4);
  c.SkipCfws();
  auto hour = c.Number(2, 2);
  if (!day || !year || !hour || !c.Consume(':')) return std::nullopt;
  auto minute = c.Number(2, 2);
  std::optional<int64_t> second = 0;
  if (c.Consume(':')) second = c.Number(2, 2);
  c.SkipCfws();
  if (!minute || !second) return std::nullopt;
  int zone = 0;
  if (c.Peek() == '+' || c.Peek() == '-') {
    bool negative = c.Peek() == '-';
    c.Consume(c.Peek());
    auto hhmm = c.Number(4, 4);
    if (!hhmm || *hhmm % 100 > 59) return std::nullopt;
    zone = static_cast<int>(*hhmm / 100 * 60 + *hhmm % 100) * (negative ? -1 : 1);
  } else {
    auto named = NamedZone(c.Word());
    if (!named) return std::nullopt;
    zone = *named;
  }
  unsigned month = 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (month_name == kMonths[i]) month = static_cast<unsigned>(i + 1);
  }
  // RFC 5322 §4.3: two-digit years below 50 are 20xx, others (and three digits) 19xx.
  int64_t y = *year;
  if (y < 50) y += 2000; else if (y < 1000) y += 1900;
  if (month == 0 || *day < 1 || *day > 31 || *hour > 23 || *minute > 59 || *second > 60) {
    return std::nullopt;
  }
  int64_t days = DaysFromCivil(y, month, static_cast<unsigned>(*day));
  int64_t local = days * 86400 + *hour * 3600 + *minute * 60 + *second;
  return DateTime{.epoch_seconds = local - zone * 60, .zone_minutes = zone};
}

std::string FormatDateTime(std::chrono::system_clock::time_point when) {
  static constexpr std::array<const char*, 7> kDays = {"Thu", "Fri", "Sat", "Sun",
                                                       "Mon", "Tue", "Wed"};
  static constexpr std::array<const char*, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int64_t secs = std::chrono::duration_cast<std::chrono::seconds>(when.time_since_epoch()).count();
  int64_t days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
  int64_t rem = secs - days * 86400;
  int64_t year = 0;
  unsigned month = 0;
  unsigned day = 0;
  CivilFromDays(days, year, month, day);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %u %s %lld %02lld:%02lld:%02lld +0000",
                kDays[static_cast<size_t>(((days % 7) + 7) % 7)], day, kMonths[month - 1],
                static_cast<long long>(year), static_cast<long long>(rem / 3600),
                static_cast<long long>(rem / 60 % 60), static_cast<long long>(rem % 60));
  return buf;
}

}  // namespace mail
