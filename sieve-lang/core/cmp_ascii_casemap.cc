// RFC 4790 §9.2 i;ascii-casemap: ASCII letters compare case-insensitively, other bytes as
// octets. The default comparator (RFC 5228 §2.7.3). Compares in place, without allocating.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "base/strings.h"
#include "sieve-lang/core/core.h"

namespace sieve::core {
namespace {

bool CaseEq(char a, char b) { return base::AsciiLower(a) == base::AsciiLower(b); }

// First of `a` or `b` in the `n` bytes at `p`, or nullptr.
const char* FindEither(const char* p, size_t n, char a, char b) {
  const void* first = std::memchr(p, a, n);
  if (a == b) return static_cast<const char*>(first);
  size_t limit = first ? static_cast<size_t>(static_cast<const char*>(first) - p) : n;
  const void* second = std::memchr(p, b, limit);
  return static_cast<const char*>(second ? second : first);
}

// How common a byte is in mail text (higher = more common), case-folded: English letter
// frequencies, then line and sentence punctuation, digits, everything else. Only the order
// matters; a table, because the search asks once per key byte.
constexpr std::array<uint8_t, 256> kCommonness = [] {
  std::array<uint8_t, 256> table{};
  table.fill(40);
  for (char c = '0'; c <= '9'; ++c) table[static_cast<uint8_t>(c)] = 90;
  for (char c : {'.', ',', '\n', '\r'}) table[static_cast<uint8_t>(c)] = 120;
  constexpr std::string_view kByFrequency = "etaoinshrdlcumwfgypbvkjxqz";  // most common first
  for (size_t i = 0; i < kByFrequency.size(); ++i) {
    const auto score = static_cast<uint8_t>(250 - 6 * i);
    table[static_cast<uint8_t>(kByFrequency[i])] = score;
    table[static_cast<uint8_t>(kByFrequency[i] - 'a' + 'A')] = score;
  }
  table[static_cast<uint8_t>(' ')] = 255;
  return table;
}();

uint8_t Commonness(char c) { return kCommonness[static_cast<uint8_t>(c)]; }

// Index of the key byte to scan for: the rarest one, so that candidates are few.
size_t RareIndex(std::string_view key) {
  size_t best = 0;
  for (size_t i = 1; i < key.size(); ++i) {
    if (Commonness(key[i]) < Commonness(key[best])) best = i;
  }
  return best;
}

class AsciiCasemap final : public Comparator {
 public:
  std::string_view name() const override { return "i;ascii-casemap"; }
  bool Equal(std::string_view value, std::string_view key) const override {
    return base::EqualsIgnoreCase(value, key);
  }
  int Compare(std::string_view a, std::string_view b) const override {
    size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
      unsigned char x = static_cast<unsigned char>(base::AsciiLower(a[i]));
      unsigned char y = static_cast<unsigned char>(base::AsciiLower(b[i]));
      if (x != y) return x < y ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : a.size() < b.size() ? -1 : 1;
  }
  bool Contains(std::string_view value, std::string_view key) const override {
    if (key.empty()) return true;
    if (key.size() > value.size()) return false;
    // Scan with memchr for the key's rarest byte (in either case), then compare the whole
    // key in place around each hit: in text, a digit or '-' of the key occurs far less often
    // than its first letter, so far fewer candidates need comparing.
    const size_t anchor = RareIndex(key);
    const char lower = base::AsciiLower(key[anchor]);
    const char upper = base::AsciiUpper(key[anchor]);
    const size_t last = value.size() - key.size();  // the last possible start
    for (size_t start = 0; start <= last; ++start) {
      const char* hit = FindEither(value.data() + start + anchor, last - start + 1, lower, upper);
      if (hit == nullptr) return false;
      start = static_cast<size_t>(hit - value.data()) - anchor;
      if (base::EqualsIgnoreCase(value.substr(start, key.size()), key)) return true;
    }
    return false;
  }
  bool Matches(std::string_view value, std::string_view pattern,
               Captures* captures) const override {
    return GlobMatch(value, pattern, /*utf8=*/false, CaseEq, captures);
  }
};

}  // namespace

const Comparator& AsciiCasemapComparator() {
  static const AsciiCasemap cmp;
  return cmp;
}

}  // namespace sieve::core
