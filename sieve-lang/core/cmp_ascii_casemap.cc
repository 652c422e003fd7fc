// RFC 4790 §9.2 i;ascii-casemap: ASCII letters compare case-insensitively, other bytes as
// octets. The default comparator (RFC 5228 §2.7.3). Compares in place, without allocating.
#include <algorithm>

#include "base/strings.h"
#include "sieve-lang/core/core.h"

namespace sieve::core {
namespace {

bool CaseEq(char a, char b) { return base::AsciiLower(a) == base::AsciiLower(b); }

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
    return std::search(value.begin(), value.end(), key.begin(), key.end(), CaseEq) != value.end();
  }
  bool Matches(std::string_view value, std::string_view pattern) const override {
    return GlobMatch(value, pattern, /*utf8=*/false, CaseEq);
  }
};

}  // namespace

const Comparator& AsciiCasemapComparator() {
  static const AsciiCasemap cmp;
  return cmp;
}

}  // namespace sieve::core
