// RFC 5228 §2.7.1 :is — the whole value equals the key under the comparator.
#include "sieve-lang/core/core.h"

namespace sieve::core {
namespace {

class Is final : public MatchType {
 public:
  std::string_view name() const override { return "is"; }
  bool Match(const Comparator& cmp, std::string_view value, std::string_view key,
             std::string_view, Captures*) const override {
    return cmp.Equal(value, key);
  }
};

}  // namespace

const MatchType& IsMatch() {
  static const Is mt;
  return mt;
}

}  // namespace sieve::core
