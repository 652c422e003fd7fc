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
        const auto& names = ops.positional[0].strings;
        std::vector<std::string> scratch;
        if (names.size() > 1 && (ops.match_type->CountsValues() || ops.HasTag("index"))) {
          return rt.MatchAny(ops, rt.ValuesOfAll(ops, names, nullptr), ops.positional[1].strings);
        }
        for (const std::string& name : names) {
          const std::vector<std::string>& values = rt.HeaderValues(ops, name, scratch);
          if (rt.MatchAny(ops, values, ops.positional[1].strings)) return true;
        }
        return false;
      },
  };
  return def;
}

}  // namespace sieve::core
