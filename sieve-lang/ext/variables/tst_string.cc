// RFC 5229 §5 string [MATCH-TYPE] [COMPARATOR] <source> <keys>: matches strings (after
// variable expansion) like header values. For :count, empty source strings do not count.
#include "sieve-lang/ext/variables/variables.h"
#include "sieve-lang/runtime.h"

namespace sieve::ext {

const CommandDef& StringTest() {
  static const CommandDef def{
      .name = "string",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"source", ArgType::kStringList},
                                   {"key list", ArgType::kStringList}},
                    .match_tags = true},
      .evaluate = [](Runtime& rt, const Operands& ops) -> TestOutcome {
        const std::vector<std::string>& source = ops.positional[0].strings;
        if (!ops.match_type->CountsValues()) {
          return rt.MatchAny(ops, source, ops.positional[1].strings);
        }
        std::vector<std::string> non_empty;
        for (const std::string& s : source) {
          if (!s.empty()) non_empty.push_back(s);
        }
        return rt.MatchAny(ops, non_empty, ops.positional[1].strings);
      },
  };
  return def;
}

}  // namespace sieve::ext
