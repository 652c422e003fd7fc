// mime (RFC 5703 §4): the :mime and :anychild tags on header, address and exists, with the
// :type/:subtype/:contenttype/:param options on header. The values come from the current part
// (Runtime::HeaderValues, AddressValues). Status: complete.
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/node.h"
#include "sieve-lang/validator.h"

namespace sieve {
namespace {

constexpr TagSpec kMime{"mime", std::nullopt, {}, 0};
constexpr TagSpec kAnychild{"anychild", std::nullopt, {}, 0};
// The options exclude each other except :param with itself (RFC 5703 §4.2).
constexpr TagSpec kType{"type", std::nullopt, {}, 7};
constexpr TagSpec kSubtype{"subtype", std::nullopt, {}, 7};
constexpr TagSpec kContenttype{"contenttype", std::nullopt, {}, 7};
constexpr TagSpec kParam{"param", ArgType::kStringList, "parameter names", 7};

bool ValidateTags(ValidationContext& ctx, Node& node) {
  if (node.operands.HasTag("mime")) return true;
  for (std::string_view tag : {"anychild", "type", "subtype", "contenttype", "param"}) {
    if (node.operands.HasTag(tag)) {
      ctx.Error(node.location, "the :" + std::string(tag) + " tag requires the :mime tag");
      return false;
    }
  }
  return true;
}

}  // namespace

const Extension& MimeExtension() {
  static const Extension ext{
      .name = "mime",
      .external_tags = {{"header", kMime},     {"header", kAnychild}, {"header", kType},
                        {"header", kSubtype},  {"header", kContenttype},
                        {"header", kParam},    {"address", kMime},    {"address", kAnychild},
                        {"exists", kMime},     {"exists", kAnychild}},
      .validate_tags = ValidateTags,
  };
  return ext;
}

}  // namespace sieve
