// RFC 5228 §4.2 redirect: forward the message to another address; the address must be a
// valid RFC 5322 addr-spec, checked at compile time.
#include "mail/address.h"
#include "sieve-lang/core/core.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"

namespace sieve::core {
namespace {

// A name-addr ("Name <a@b>") is accepted and reduced to its addr-spec, as Pigeonhole does.
bool Validate(ValidationContext& ctx, Node& node) {
  const std::string& address = node.operands.positional[0].str();
  if (!mail::SingleAddrSpec(address)) {
    ctx.Error(node.location, "specified redirect address '" + address + "' is invalid");
    return false;
  }
  return true;
}

ExecStatus Execute(Runtime& rt, const Operands& ops) {
  auto address = mail::SingleAddrSpec(ops.positional[0].str());
  if (!address) return std::unexpected(ExecError{"invalid redirect address"});
  return rt.AddAction(
      {.kind = Action::Kind::kRedirect, .target = *address, .copy = ops.HasTag("copy")});
}

}  // namespace

const CommandDef& RedirectCommand() {
  static const CommandDef def{
      .name = "redirect",
      .signature = {.positional = {{"address", ArgType::kString}}},
      .validate = Validate,
      .execute = Execute,
  };
  return def;
}

}  // namespace sieve::core
