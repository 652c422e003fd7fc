// Display helpers shared by the AST dump and parser messages (not part of the public API).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sieve::internal {

// Appends `s` to `out` in double quotes with C-style escapes for '"', '\\' and control
// bytes (\r \n \t, otherwise \xHH), so dumps stay on one line. Bytes >= 0x80 are copied
// as they are, which keeps UTF-8 readable.
// When `s` is longer than `max_bytes`, only its first `max_bytes` bytes are shown,
// followed by "..." after the closing quote.
void AppendQuoted(std::string_view s, size_t max_bytes, std::string* out);

}  // namespace sieve::internal
