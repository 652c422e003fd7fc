// RFC 4790 §9.3 i;octet: byte-wise comparison.
#include <algorithm>

#include "sieve-lang/core/core.h"

namespace sieve::core {
namespace {

class Octet final : public Comparator {
 public:
  std::string_view name() const override { return "i;octet"; }
  bool Equal(std::string_view value, std::string_view key) const override { return value == key; }
  int Compare(std::string_view a, std::string_view b) const override { return a.compare(b); }
  bool Contains(std::string_view value, std::string_view key) const override {
    return value.find(key) != std::string_view::npos;
  }
  bool Matches(std::string_view value, std::string_view pattern,
               Captures* captures) const override {
    return GlobMatch(value, pattern, /*utf8=*/false, [](char a, char b) { return a == b; }, captures);
  }
};

}  // namespace

const Comparator& OctetComparator() {
  static const Octet cmp;
  return cmp;
}

}  // namespace sieve::core

namespace sieve {

size_t Utf8CharLength(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
  return std::min(len, s.size() - i);
}

}  // namespace sieve
