// RFC 5228 §4.4 discard: silently throw the message away (cancels the implicit keep).
#include "sieve-lang/core/core.h"
#include "sieve-lang/runtime.h"

namespace sieve::core {

const CommandDef& DiscardCommand() {
  static const CommandDef def{
      .name = "discard",
      .execute = [](Runtime& rt, const Operands&) -> ExecStatus {
        return rt.AddAction({.kind = Action::Kind::kDiscard});
      },
  };
  return def;
}

}  // namespace sieve::core
