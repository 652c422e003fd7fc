// Time intervals written as Dovecot writes them in settings: a number and an optional unit
// ("2s", "30 secs", "5 mins", "500ms", "1 week"); a bare number is seconds.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace base {

std::optional<std::chrono::milliseconds> ParseDuration(std::string_view text);

}  // namespace base
