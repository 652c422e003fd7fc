// RFC 4790 §9.2 i;ascii-casemap: ASCII letters compare case-insensitively, other bytes as
// octets. The default comparator (RFC 5228 §2.7.3). Compares in place, without allocating.
#include <algorithm>
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
    // Scan for the key's first letter in either case, then compare the rest in place: most
    // positions fail on the first byte, and memchr is far faster than a per-byte predicate.
    const char lower = base::AsciiLower(key[0]);
    const char upper = base::AsciiUpper(key[0]);
    std::string_view rest = key.substr(1);
    const size_t last = value.size() - key.size();
    for (size_t i = 0; i <= last; ++i) {
      const char* hit = FindEither(value.data() + i, last - i + 1, lower, upper);
      if (hit == nullptr) return false;
      i = static_cast<size_t>(hit - value.data());
      if (base::EqualsIgnoreCase(value.substr(i + 1, rest.size()), rest)) return true;
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
