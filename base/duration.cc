#include "base/duration.h"

#include <cstdint>
#include <limits>

#include "base/strings.h"

namespace base {
namespace {

struct Unit {
  std::string_view names[5];
  int64_t millis;
};

constexpr Unit kUnits[] = {
    {{"ms", "msec", "msecs", "millisecond", "milliseconds"}, 1},
    {{"s", "sec", "secs", "second", "seconds"}, 1000},
    {{"m", "min", "mins", "minute", "minutes"}, 60'000},
    {{"h", "hour", "hours", "", ""}, 3'600'000},
    {{"d", "day", "days", "", ""}, 86'400'000},
    {{"w", "week", "weeks", "", ""}, 604'800'000},
};

}  // namespace

std::optional<std::chrono::milliseconds> ParseDuration(std::string_view text) {
  text = TrimWhitespace(text);
  size_t digits = 0;
  while (digits < text.size() && IsAsciiDigit(text[digits])) ++digits;
  if (digits == 0) return std::nullopt;
  std::optional<uint64_t> number = ParseUint64(text.substr(0, digits));
  std::string unit = AsciiToLower(TrimWhitespace(text.substr(digits)));
  int64_t millis = unit.empty() ? 1000 : 0;
  for (const Unit& u : kUnits) {
    for (std::string_view name : u.names) {
      if (!name.empty() && name == unit) millis = u.millis;
    }
  }
  if (!number || millis == 0 ||
      *number > static_cast<uint64_t>(std::numeric_limits<int64_t>::max() / millis)) {
    return std::nullopt;
  }
  return std::chrono::milliseconds(static_cast<int64_t>(*number) * millis);
}

}  // namespace base
