// Comparators (RFC 4790 collations, RFC 5228 §2.7.3). Stateless, thread-safe singletons owned
// by their extension. Operations work on bytes without allocating where the collation allows.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include <algorithm>

namespace sieve {

// What each wildcard of a :matches pattern matched, in pattern order (RFC 5229 §3.2).
using Captures = std::vector<std::string>;

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
  // RFC 5228 §2.7.1 wildcards: '*' any sequence, '?' one character, '\' escapes. On a match
  // and when `captures` is given, it receives one string per wildcard, each as short as the
  // match allows from the left (RFC 5229 §3.2 non-greedy).
  virtual bool Matches(std::string_view value, std::string_view pattern,
                       Captures* captures) const = 0;
};

// Glob matching with '*', '?' and '\' over a per-character equality. `utf8` makes '?' consume
// one UTF-8 character instead of one octet. Iterative with backtracking to the last '*':
// linear memory, O(n*m) time worst case, no recursion. Backtracking always widens the most
// recent '*', so earlier wildcards keep their shortest match (what `captures` receives).
template <typename CharEq>
bool GlobMatch(std::string_view value, std::string_view pattern, bool utf8, CharEq eq,
               Captures* captures = nullptr);

// Length of the UTF-8 sequence starting at s[i] (1 for invalid bytes).
size_t Utf8CharLength(std::string_view s, size_t i);

template <typename CharEq>
bool GlobMatch(std::string_view value, std::string_view pattern, bool utf8, CharEq eq,
               Captures* captures) {
  // Capture bookkeeping only when asked for: wildcard ordinal per pattern position, and
  // (begin, end) per wildcard.
  std::vector<size_t> ordinal;
  std::vector<std::pair<size_t, size_t>> spans;
  if (captures != nullptr) {
    ordinal.assign(pattern.size(), 0);
    for (size_t i = 0, n = 0; i < pattern.size(); ++i) {
      if (pattern[i] == '\\') {
        ++i;
      } else if (pattern[i] == '*' || pattern[i] == '?') {
        ordinal[i] = n++;
        spans.emplace_back(0, 0);
      }
    }
  }
  size_t v = 0, p = 0;
  size_t star_p = std::string_view::npos, star_v = 0, star_begin = 0, star_ordinal = 0;
  while (v < value.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      if (captures != nullptr) {
        star_ordinal = ordinal[p];
        spans[star_ordinal] = {v, v};
      }
      star_begin = v;
      star_p = ++p;
      star_v = v;
      continue;
    }
    if (p < pattern.size() && pattern[p] == '?') {
      size_t len = utf8 ? Utf8CharLength(value, v) : 1;
      if (captures != nullptr) spans[ordinal[p]] = {v, v + len};
      v += len;
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
    if (captures != nullptr) spans[star_ordinal] = {star_begin, star_v};
    v = star_v;
    p = star_p;
  }
  while (p < pattern.size() && pattern[p] == '*') {
    if (captures != nullptr) spans[ordinal[p]] = {v, v};
    ++p;
  }
  if (p != pattern.size()) return false;
  if (captures != nullptr) {
    captures->clear();
    for (auto [begin, end] : spans) {
      begin = std::min(begin, value.size());
      end = std::min(end, value.size());
      captures->emplace_back(value.substr(begin, end - begin));
    }
  }
  return true;
}

}  // namespace sieve
