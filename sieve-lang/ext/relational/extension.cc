// relational (RFC 5231): the :value and :count match types with a relational operator
// ("gt", "ge", "lt", "le", "eq", "ne") evaluated through the comparator's ordering.
// Status: complete.
#include "base/strings.h"
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/match_type.h"

namespace sieve {
namespace {

enum class Relation { kGt, kGe, kLt, kLe, kEq, kNe };

std::optional<Relation> ParseRelation(std::string_view text) {
  std::string lower = base::AsciiToLower(text);
  if (lower == "gt") return Relation::kGt;
  if (lower == "ge") return Relation::kGe;
  if (lower == "lt") return Relation::kLt;
  if (lower == "le") return Relation::kLe;
  if (lower == "eq") return Relation::kEq;
  if (lower == "ne") return Relation::kNe;
  return std::nullopt;
}

bool Holds(Relation relation, int order) {
  switch (relation) {
    case Relation::kGt: return order > 0;
    case Relation::kGe: return order >= 0;
    case Relation::kLt: return order < 0;
    case Relation::kLe: return order <= 0;
    case Relation::kEq: return order == 0;
    case Relation::kNe: return order != 0;
  }
  return false;
}

class RelationalMatch final : public MatchType {
 public:
  RelationalMatch(std::string_view name, bool counts) : name_(name), counts_(counts) {}
  std::string_view name() const override { return name_; }
  bool HasParam() const override { return true; }
  bool CountsValues() const override { return counts_; }
  std::optional<std::string> CheckParam(std::string_view param) const override {
    if (ParseRelation(param)) return std::nullopt;
    return "invalid relational match type argument '" + std::string(param) + "' for the :" +
           std::string(name_) + " match type (must be one of gt, ge, lt, le, eq or ne)";
  }
  // RFC 5231 §4: the value is on the left of the relation, the key on the right.
  bool Match(const Comparator& cmp, std::string_view value, std::string_view key,
             std::string_view param, Captures*) const override {
    std::optional<Relation> relation = ParseRelation(param);
    return relation && Holds(*relation, cmp.Compare(value, key));
  }

 private:
  std::string_view name_;
  bool counts_;
};

}  // namespace

const Extension& RelationalExtension() {
  static const RelationalMatch value("value", /*counts=*/false);
  static const RelationalMatch count("count", /*counts=*/true);
  static const Extension ext{.name = "relational", .match_types = {&value, &count}};
  return ext;
}

}  // namespace sieve
