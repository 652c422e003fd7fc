// Which names `include` accepts (RFC 6609 §3.2 refers to RFC 5804 §1.6 for script names).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sieve::ext {

// What is wrong with `name` as a script name, if anything: empty, not UTF-8, a '/' (no paths),
// or one of the characters RFC 5804 §1.6 forbids (controls, DEL, U+0080-009F, U+2028/2029).
std::optional<std::string> CheckScriptName(std::string_view name);

// The name include looks up: a trailing ".sieve" is the file's extension, not part of it.
std::string_view NormalizeScriptName(std::string_view name);

}  // namespace sieve::ext
