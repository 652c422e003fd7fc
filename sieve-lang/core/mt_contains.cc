// RFC 5228 §2.7.1 :contains — the key occurs somewhere in the value.
#include "sieve-lang/core/core.h"

namespace sieve::core {
namespace {

class Contains final : public MatchType {
 public:
  std::string_view name() const override { return "contains"; }
  bool NeedsSubstring() const override { return true; }
  bool Match(const Comparator& cmp, std::string_view value, std::string_view key,
             std::string_view, Captures*) const override {
    return cmp.Contains(value, key);
  }
};

}  // namespace

const MatchType& ContainsMatch() {
  static const Contains mt;
  return mt;
}

}  // namespace sieve::core
