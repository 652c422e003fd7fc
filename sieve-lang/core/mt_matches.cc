// RFC 5228 §2.7.1 :matches — the key is a wildcard pattern ('*', '?', '\' escapes).
#include "sieve-lang/core/core.h"

namespace sieve::core {
namespace {

class Matches final : public MatchType {
 public:
  std::string_view name() const override { return "matches"; }
  bool NeedsSubstring() const override { return true; }
  bool Match(const Comparator& cmp, std::string_view value, std::string_view key,
             std::string_view, Captures* captures) const override {
    if (captures == nullptr) return cmp.Matches(value, key, nullptr);
    Captures wildcards;
    if (!cmp.Matches(value, key, &wildcards)) return false;
    captures->assign(1, std::string(value));
    captures->insert(captures->end(), wildcards.begin(), wildcards.end());
    return true;
  }
};

}  // namespace

const MatchType& MatchesMatch() {
  static const Matches mt;
  return mt;
}

}  // namespace sieve::core
