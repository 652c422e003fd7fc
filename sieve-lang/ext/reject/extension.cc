// reject and ereject (RFC 5429): refuse the message with a reason. Both cancel the implicit
// keep and conflict with keep, fileinto and redirect; the delivery sends the refusal built by
// reject_action.cc (ereject is treated like reject: after delivery started, an SMTP-level
// refusal is no longer possible). Status: complete.
#include "base/strings.h"
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"

namespace sieve {
namespace {

bool ValidateReason(ValidationContext& ctx, Node& node) {
  if (!base::IsValidUtf8(node.operands.positional[0].str())) {
    ctx.Error(node.location, "the reason of the " + std::string(node.def->name) +
                                 " command is not valid UTF-8");
    return false;
  }
  return true;
}

template <Action::Kind kind>
ExecStatus Refuse(Runtime& rt, const Operands& ops) {
  return rt.AddAction({.kind = kind, .target = ops.positional[0].str()});
}

const CommandDef& RejectCommand() {
  static const CommandDef def{
      .name = "reject",
      .signature = {.positional = {{"reason", ArgType::kString}}},
      .validate = ValidateReason,
      .execute = Refuse<Action::Kind::kReject>,
  };
  return def;
}

const CommandDef& EarlyRejectCommand() {
  static const CommandDef def{
      .name = "ereject",
      .signature = {.positional = {{"reason", ArgType::kString}}},
      .validate = ValidateReason,
      .execute = Refuse<Action::Kind::kEreject>,
  };
  return def;
}

}  // namespace

const Extension& RejectExtension() {
  static const Extension ext{.name = "reject", .commands = {&RejectCommand()}};
  return ext;
}

const Extension& EarlyRejectExtension() {
  static const Extension ext{.name = "ereject", .commands = {&EarlyRejectCommand()}};
  return ext;
}

}  // namespace sieve
