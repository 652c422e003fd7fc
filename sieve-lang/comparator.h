// Comparators (RFC 4790 collations, RFC 5228 §2.7.3). Stateless, thread-safe singletons owned
// by their extension. Operations work on bytes without allocating where the collation allows.
#pragma once

#include <string_view>

namespace sieve {

class Comparator {
 public:
  virtual ~Comparator() = default;
  virtual std::string_view name() const = 0;
  // Whether :contains and :matches are defined (i;ascii-numeric has only equality/ordering).
  virtual bool SupportsSubstring() const { return true; }
  virtual bool Equal(std::string_view value, std::string_view key) const = 0;
  // Ordering for relational tests: <0, 0, >0.
  virtual int Compare(std::string_view a, std::string_view b) const = 0;
  virtual bool Contains(std::string_view value, std::string_view key) const = 0;
  // RFC 5228 §2.7.1 wildcards: '*' any sequence, '?' one character, '\' escapes.
  virtual bool Matches(std::string_view value, std::string_view pattern) const = 0;
};

// Glob matching with '*', '?' and '\' over a per-character equality. `utf8` makes '?' consume
// one UTF-8 character instead of one octet. Iterative with backtracking to the last '*':
// linear memory, O(n*m) time worst case, no recursion.
template <typename CharEq>
bool GlobMatch(std::string_view value, std::string_view pattern, bool utf8, CharEq eq);

// Length of the UTF-8 sequence starting at s[i] (1 for invalid bytes).
size_t Utf8CharLength(std::string_view s, size_t i);

template <typename CharEq>
bool GlobMatch(std::string_view value, std::string_view pattern, bool utf8, CharEq eq) {
  size_t v = 0, p = 0;
  size_t star_p = std::string_view::npos, star_v = 0;
  while (v < value.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star_p = ++p;
      star_v = v;
      continue;
    }
    if (p < pattern.size() && pattern[p] == '?') {
      v += utf8 ? Utf8CharLength(value, v) : 1;
      ++p;
      continue;
    }
    if (p < pattern.size()) {
      size_t lit = p;
      if (pattern[p] == '\\' && p + 1 < pattern.size()) lit = p + 1;
      if (eq(value[v], pattern[lit])) {
        v += 1;
        p = lit + 1;
        continue;
      }
    }
    if (star_p == std::string_view::npos) return false;
    star_v += utf8 ? Utf8CharLength(value, star_v) : 1;
    v = star_v;
    p = star_p;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace sieve
