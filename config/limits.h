// Every input-driven quantity the configuration parser accepts, in one place (house rule 5).
// A configuration that exceeds one is rejected with file:line, never truncated.
#pragma once

#include <cstddef>

namespace config {

// Nesting of !include / !include_try. Dovecot has no fixed limit; 16 is far beyond any real
// conf.d layout and stops include loops that the recursion check cannot see (globs, symlinks).
inline constexpr int kMaxIncludeDepth = 16;
// Nesting of `name {` sections (service > inet_listener is 2; filters add a few).
inline constexpr int kMaxSectionDepth = 32;
// Length of one logical line, after joining continuation lines.
inline constexpr size_t kMaxLineLength = 64 * 1024;
// Length of one value after `$var` expansion; `a = $a $a` on repeat would otherwise double.
inline constexpr size_t kMaxValueLength = 1024 * 1024;
// Size of a configuration file or a `<file` value.
inline constexpr size_t kMaxFileSize = 16 * 1024 * 1024;
// Files read during one parse (configuration files plus `<file` values); bounds glob fan-out.
inline constexpr size_t kMaxFiles = 1024;

}  // namespace config
