// vnd.dovecot.debug (Pigeonhole): `debug_log <message>` writes a line to the execution's
// trace, for script authors debugging with sieve-test -t. Status: complete.
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/runtime.h"

namespace sieve {
namespace {

const CommandDef& DebugLogCommand() {
  static const CommandDef def{
      .name = "debug_log",
      .signature = {.positional = {{"message", ArgType::kString}}},
      .execute = [](Runtime& rt, const Operands& ops) -> ExecStatus {
        rt.Trace(TraceLevel::kActions, 0, "DEBUG: " + ops.positional[0].str());
        return {};
      },
  };
  return def;
}

}  // namespace

const Extension& DovecotDebugExtension() {
  static const Extension ext{.name = "vnd.dovecot.debug", .commands = {&DebugLogCommand()}};
  return ext;
}

}  // namespace sieve
