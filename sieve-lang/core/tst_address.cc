// RFC 5228 §5.1 address: compares parts of the addresses in address header fields.
#include "base/strings.h"
#include "mail/address.h"
#include "sieve-lang/core/core.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"

namespace sieve::core {
namespace {

// Header fields whose values are address lists (RFC 5322 §3.6.2-3, §3.6.6, and the
// historic and list-management fields Pigeonhole also accepts); RFC 5228 §5.1 restricts the
// test to such fields.
constexpr std::string_view kAddressHeaders[] = {
    "from", "sender", "reply-to", "to", "cc", "bcc", "resent-from", "resent-sender",
    "resent-to", "resent-cc", "resent-bcc", "resent-reply-to", "return-receipt-to",
    "disposition-notification-to", "delivered-to", "envelope-to", "errors-to", "x-envelope-to",
    "x-envelope-from", "x-original-to", "x-original-from", "original-recipient",
    "mail-followup-to", "mail-reply-to", "return-path", "abuse-reports-to", "apparently-to",
    "for-approval", "for-comment", "for-handling", "read-receipt-to",
    "registered-mail-reply-requested-by", "return-receipt-requested", "x-admin", "x-beenthere",
    "x-complaints-to", "x-confirm-reading-to", "x-report-abuse-to"};

bool IsAddressHeader(std::string_view name) {
  std::string lower = base::AsciiToLower(name);
  for (std::string_view h : kAddressHeaders) {
    if (h == lower) return true;
  }
  return false;
}

bool Validate(ValidationContext& ctx, Node& node) {
  for (const std::string& name : node.operands.positional[0].strings) {
    if (!IsAddressHeader(name)) {
      ctx.Error(node.location, "specified header '" + name +
                                   "' is not allowed for the address test (it does not "
                                   "contain addresses)");
      return false;
    }
  }
  return true;
}

TestOutcome Evaluate(Runtime& rt, const Operands& ops) {
  const auto& names = ops.positional[0].strings;
  std::vector<std::string> scratch;
  if (names.size() > 1 && (ops.match_type->CountsValues() || ops.HasTag("index"))) {
    return rt.MatchAny(ops, rt.ValuesOfAll(ops, names, ops.address_part),
                       ops.positional[1].strings);
  }
  for (const std::string& name : names) {
    const std::vector<std::string>& values =
        rt.AddressValues(ops, name, *ops.address_part, scratch);
    if (rt.MatchAny(ops, values, ops.positional[1].strings)) return true;
  }
  return false;
}

}  // namespace

const CommandDef& AddressTest() {
  static const CommandDef def{
      .name = "address",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"header list", ArgType::kStringList},
                                   {"key list", ArgType::kStringList}},
                    .match_tags = true,
                    .address_part_tags = true},
      .validate = Validate,
      .evaluate = Evaluate,
  };
  return def;
}

}  // namespace sieve::core
