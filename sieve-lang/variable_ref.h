// Finding "${...}" variable references in a string (RFC 5229 §3), shared by the run-time
// expansion and the compile-time checks of the variables extension.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace sieve {

struct VariableRef {
  size_t begin = 0;        // offset of "${"
  size_t end = 0;          // offset just after "}"
  std::string_view name;   // between the braces: "1", "name", "ns.name"
  bool numeric = false;    // a match variable
  size_t index = 0;        // numeric: its value (saturated at 1000)
};

// The first well-formed reference at or after `from`; malformed "${...}" sequences are
// skipped (they stay literal text).
std::optional<VariableRef> FindVariableRef(std::string_view text, size_t from);

}  // namespace sieve
