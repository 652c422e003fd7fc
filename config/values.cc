#include "config/values.h"

#include <limits>

#include "base/duration.h"
#include "base/strings.h"

namespace config {
namespace {

base::Status Invalid(std::string_view what, std::string_view value, std::string_view why = {}) {
  return base::Status::InvalidArgument(std::string(what) + ": " + std::string(value) +
                                       std::string(why));
}

base::Status NotANumber(std::string_view value, std::string_view why) {
  return base::Status::InvalidArgument("Invalid number " + std::string(value) + ": " +
                                       std::string(why));
}

// Leading decimal digits of `text`, advancing it; nullopt when there are none or too many.
std::optional<uint64_t> TakeNumber(std::string_view& text) {
  size_t digits = 0;
  while (digits < text.size() && base::IsAsciiDigit(text[digits])) ++digits;
  std::optional<uint64_t> number = base::ParseUint64(text.substr(0, digits));
  text.remove_prefix(digits);
  return number;
}

uint64_t SizeMultiplier(char suffix) {
  switch (base::AsciiLower(suffix)) {
    case 'b':
      return 1;
    case 'k':
      return uint64_t{1} << 10;
    case 'm':
      return uint64_t{1} << 20;
    case 'g':
      return uint64_t{1} << 30;
    case 't':
      return uint64_t{1} << 40;
    default:
      return 0;
  }
}

}  // namespace

base::Result<bool> ParseBool(std::string_view value) {
  // settings_get_bool: yes, y and 1 are true; only "no" is false.
  if (base::EqualsIgnoreCase(value, "yes") || base::EqualsIgnoreCase(value, "y") || value == "1") {
    return true;
  }
  if (base::EqualsIgnoreCase(value, "no")) return false;
  return base::Err(Invalid("Invalid boolean value", value, " (use yes or no)"));
}

base::Result<uint64_t> ParseUint(std::string_view value) {
  std::string_view rest = value;
  std::optional<uint64_t> number = TakeNumber(rest);
  if (!rest.empty() || value.empty()) {
    return base::Err(NotANumber(value, "Not a valid number"));
  }
  if (!number) return base::Err(NotANumber(value, "Number too large"));
  return *number;
}

base::Result<uint64_t> ParseSize(std::string_view value) {
  std::string_view rest = value;
  std::optional<uint64_t> number = TakeNumber(rest);
  if (!number) return base::Err(Invalid("Invalid size", value));
  while (rest.starts_with(' ')) rest.remove_prefix(1);
  uint64_t multiplier = 1;
  if (!rest.empty()) {
    multiplier = SizeMultiplier(rest.front());
    if (multiplier == 0) return base::Err(Invalid("Invalid size", value));
    rest.remove_prefix(1);
    // "k", "ki", "kb", "kib": the optional tail after a real unit.
    if (multiplier > 1 && !rest.empty() && base::AsciiLower(rest.front()) == 'i') {
      rest.remove_prefix(1);
    }
    if (multiplier > 1 && !rest.empty() && base::AsciiLower(rest.front()) == 'b') {
      rest.remove_prefix(1);
    }
    if (!rest.empty()) return base::Err(Invalid("Invalid size", value));
  }
  if (*number > std::numeric_limits<uint64_t>::max() / multiplier) {
    return base::Err(Invalid("Invalid size", value, " (too large)"));
  }
  return *number * multiplier;
}

base::Result<std::chrono::milliseconds> ParseTime(std::string_view value) {
  // base::ParseDuration knows the same units as settings_get_time; it trims, Dovecot's
  // values are trimmed by the parser already.
  std::optional<std::chrono::milliseconds> parsed = base::ParseDuration(value);
  if (!parsed) return base::Err(Invalid("Invalid time interval", value));
  return *parsed;
}

std::vector<std::string> SplitList(std::string_view value) {
  std::vector<std::string> items;
  size_t start = 0;
  for (size_t i = 0; i <= value.size(); ++i) {
    if (i == value.size() || value[i] == ' ' || value[i] == '\t' || value[i] == ',') {
      if (i > start) items.emplace_back(value.substr(start, i - start));
      start = i + 1;
    }
  }
  return items;
}

}  // namespace config
