// RFC 5228 §5.7 header: compares decoded header values with keys.
#include "sieve-lang/core/core.h"
#include "sieve-lang/runtime.h"

namespace sieve::core {

const CommandDef& HeaderTest() {
  static const CommandDef def{
      .name = "header",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"header names", ArgType::kStringList},
                                   {"key list", ArgType::kStringList}},
                    .match_tags = true},
      .evaluate = [](Runtime& rt, const Operands& ops) -> TestOutcome {
        for (const std::string& name : ops.positional[0].strings) {
          const std::vector<std::string>& values = rt.DecodedHeaders(name);
          if (rt.MatchAny(ops, values, ops.positional[1].strings)) return true;
        }
        return false;
      },
  };
  return def;
}

}  // namespace sieve::core
