// RFC 6134 `valid_ext_list <ext-list-names: string-list>`: true when every name is a list name
// the embedder supports. A name that is not even a URI is simply not valid (no compile error:
// finding that out is what the test is for).
#include <algorithm>

#include "sieve-lang/ext/extlists/extlists.h"
#include "sieve-lang/runtime.h"

namespace sieve::ext {

const CommandDef& ValidExtListTest() {
  static const CommandDef def{
      .name = "valid_ext_list",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"ext-list-names", ArgType::kStringList}}},
      .evaluate = [](Runtime& rt, const Operands& ops) -> TestOutcome {
        const auto& names = ops.positional[0].strings;
        return std::all_of(names.begin(), names.end(), [&](const std::string& name) {
          return !CheckListName(name) &&
                 rt.host().ExternalListContains(ExpandListName(name), "").has_value();
        });
      },
  };
  return def;
}

}  // namespace sieve::ext
