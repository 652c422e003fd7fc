// Dovecot's escaping for tab-separated protocol lines: \001 -> \0011, \t -> \001t,
// \r -> \001r, \n -> \001n, so a field value can carry any byte.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace authd {

std::string TabEscape(std::string_view value);
std::string TabUnescape(std::string_view value);
// A line split at tabs, each field unescaped.
std::vector<std::string> SplitTabs(std::string_view line);

}  // namespace authd
