// index (RFC 5260 §6): `:index <n>` and `:last` on header, address and date select one
// occurrence of the named header field (Runtime::HeaderValues / AddressValues). Status:
// complete.
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/node.h"
#include "sieve-lang/validator.h"

namespace sieve {
namespace {

constexpr TagSpec kIndex{"index", ArgType::kNumber, "field number", 0};
constexpr TagSpec kLast{"last", std::nullopt, {}, 0};

bool ValidateTags(ValidationContext& ctx, Node& node) {
  // Only the tags this extension adds: editheader's deleteheader has its own :index/:last,
  // and addheader's :last is unrelated.
  std::string_view command = node.def->name;
  if (command != "header" && command != "address" && command != "date") return true;
  const TagValue* index = node.operands.FindTag("index");
  if (node.operands.HasTag("last") && index == nullptr) {
    ctx.Error(node.location, "the :last tag requires the :index tag (RFC 5260 §6)");
    return false;
  }
  if (index != nullptr && index->value && index->value->number == 0) {
    ctx.Error(node.location, "the :index tag counts fields from 1; 0 is not a valid index");
    return false;
  }
  return true;
}

}  // namespace

const Extension& IndexExtension() {
  static const Extension ext{
      .name = "index",
      .external_tags = {{"header", kIndex}, {"header", kLast},
                        {"address", kIndex}, {"address", kLast},
                        {"date", kIndex}, {"date", kLast}},
      .validate_tags = ValidateTags,
  };
  return ext;
}

}  // namespace sieve
