// RFC 5228 §4.1 fileinto: deliver into the named mailbox (UTF-8 name, RFC 5228 §2.7.2 says
// mailbox names are UTF-8 in scripts). Action "store".
#include "base/strings.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"

namespace sieve::ext {
namespace {

bool Validate(ValidationContext& ctx, Node& node) {
  const std::string& folder = node.operands.positional[0].str();
  if (folder.empty() || !base::IsValidUtf8(folder)) {
    ctx.Error(node.location, "invalid folder name '" + folder +
                                 "' specified for fileinto command (must be non-empty UTF-8)");
    return false;
  }
  return true;
}

ExecStatus Execute(Runtime& rt, const Operands& ops) {
  return rt.AddAction({.kind = Action::Kind::kStore,
                       .target = ops.positional[0].str(),
                       .copy = ops.HasTag("copy"),
                       .create = ops.HasTag("create")});
}

}  // namespace

const CommandDef& FileintoCommand() {
  static const CommandDef def{
      .name = "fileinto",
      .signature = {.positional = {{"folder", ArgType::kString}}},
      .validate = Validate,
      .execute = Execute,
  };
  return def;
}

}  // namespace sieve::ext
