// Dovecot's setting value syntaxes, parsed the way Dovecot 2.3 parses them
// (lib-settings/settings-parser.c). Errors carry Dovecot's wording without a location;
// config::Settings puts the file:line in front.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace config {

// "yes" / "no" in any case; Dovecot also takes "y" and "1" for yes (but not "n" or "0").
[[nodiscard]] base::Result<bool> ParseBool(std::string_view value);
// A decimal number; "10k" is not a number. InvalidArgument on junk or overflow.
[[nodiscard]] base::Result<uint64_t> ParseUint(std::string_view value);
// Bytes: a number, optional spaces, an optional suffix b/k/m/g/t (any case, powers of
// 1024) which may be followed by "i" and/or "b" ("1 kB", "1KiB"). "0" is zero; there is
// no "unlimited" (Dovecot rejects it too).
[[nodiscard]] base::Result<uint64_t> ParseSize(std::string_view value);
// An interval: a number and a unit (ms/msec(s), s/sec(s)/second(s), m/min(s)/minute(s),
// h/hour(s), d/day(s), w/week(s), any case, spaces allowed between); a bare number is
// seconds.
[[nodiscard]] base::Result<std::chrono::milliseconds> ParseTime(std::string_view value);
// Splits a list setting (protocols, auth_mechanisms, mail_plugins, listen) on spaces,
// tabs and commas, dropping empty items.
std::vector<std::string> SplitList(std::string_view value);

}  // namespace config
