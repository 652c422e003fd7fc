// RFC 6134 ":list" match type: the keys name externally stored lists, and a value matches when
// it is an item of one of them; ${0} is the value found (Pigeonhole). The comparator does not
// take part: the list's store decides what equals. Keys that are constant must be list names
// (URIs) when the script is compiled.
//
// The lookup needs the embedder, so it happens in MatchWithHost. Runtime::MatchAny calls Match,
// which has no host: until the runtime calls MatchWithHost, :list matches nothing.
#include "sieve-lang/ext/extlists/extlists.h"
#include "sieve-lang/ext/extlists/limits.h"
#include "sieve-lang/host.h"

namespace sieve::ext {
namespace {

class List final : public MatchType {
 public:
  std::string_view name() const override { return "list"; }

  std::optional<std::string> CheckKey(std::string_view key, const Comparator&) const override {
    if (std::optional<std::string> problem = CheckListName(key)) {
      return "invalid external list name '" + std::string(key) + "': " + *problem;
    }
    return std::nullopt;
  }

  bool Match(const Comparator&, std::string_view, std::string_view, std::string_view,
             Captures*) const override {
    return false;  // no host, no lists
  }

  bool MatchWithHost(const Host& host, const Comparator&, std::string_view value,
                     std::string_view key, std::string_view, Captures* captures) const override {
    // No list holds an empty item (an empty lookup asks the host whether the list exists).
    if (value.empty() || value.size() > kMaxListLookupSize || CheckListName(key)) return false;
    // An unknown list holds nothing.
    if (!host.ExternalListContains(ExpandListName(key), value).value_or(false)) return false;
    if (captures != nullptr) *captures = {std::string(value)};
    return true;
  }
};

}  // namespace

const MatchType& ListMatchType() {
  static const List mt;
  return mt;
}

}  // namespace sieve::ext
