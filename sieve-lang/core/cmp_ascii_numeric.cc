// RFC 4790 §9.1 i;ascii-numeric: compares the leading decimal digits as unsigned integers of
// any length; a string without leading digits is positive infinity. Only equality and
// ordering are defined (no :contains / :matches).
#include "base/strings.h"
#include "sieve-lang/core/core.h"

namespace sieve::core {
namespace {

// The leading digits without leading zeros; nullopt for "infinity".
std::optional<std::string_view> Digits(std::string_view s) {
  size_t end = 0;
  while (end < s.size() && base::IsAsciiDigit(s[end])) ++end;
  if (end == 0) return std::nullopt;
  size_t start = 0;
  while (start + 1 < end && s[start] == '0') ++start;
  return s.substr(start, end - start);
}

class AsciiNumeric final : public Comparator {
 public:
  std::string_view name() const override { return "i;ascii-numeric"; }
  bool SupportsSubstring() const override { return false; }
  bool Equal(std::string_view value, std::string_view key) const override {
    return Compare(value, key) == 0;
  }
  int Compare(std::string_view a, std::string_view b) const override {
    auto x = Digits(a), y = Digits(b);
    if (!x || !y) return (!x && !y) ? 0 : (!x ? 1 : -1);
    if (x->size() != y->size()) return x->size() < y->size() ? -1 : 1;
    int c = x->compare(*y);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  bool Contains(std::string_view, std::string_view) const override { return false; }
  bool Matches(std::string_view, std::string_view, Captures*) const override { return false; }
};

}  // namespace

const Comparator& AsciiNumericComparator() {
  static const AsciiNumeric cmp;
  return cmp;
}

}  // namespace sieve::core
