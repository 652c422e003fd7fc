// RFC 5228 §4.3 keep: file into the default mailbox; cancels the implicit keep.
#include "sieve-lang/core/core.h"
#include "sieve-lang/runtime.h"

namespace sieve::core {

const CommandDef& KeepCommand() {
  static const CommandDef def{
      .name = "keep",
      .execute = [](Runtime& rt, const Operands& ops) -> ExecStatus {
        return rt.AddAction({.kind = Action::Kind::kKeep,
                             .target = rt.result().default_mailbox(),
                             .copy = ops.HasTag("copy")});
      },
  };
  return def;
}

}  // namespace sieve::core
