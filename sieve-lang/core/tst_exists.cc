// RFC 5228 §5.5 exists: true when every named header field is present.
#include "sieve-lang/core/core.h"
#include "sieve-lang/runtime.h"

namespace sieve::core {

const CommandDef& ExistsTest() {
  static const CommandDef def{
      .name = "exists",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"header names", ArgType::kStringList}}},
      .evaluate = [](Runtime& rt, const Operands& ops) -> TestOutcome {
        std::vector<std::string> scratch;
        for (const std::string& name : ops.positional[0].strings) {
          // Through the per-execution cache: filters test the same few headers over and over
          // (exists :mime looks at the current MIME part instead).
          if (rt.HeaderValues(ops, name, scratch).empty()) return false;
        }
        return true;
      },
  };
  return def;
}

}  // namespace sieve::core
