// RFC 5490 §4.2 `servermetadataexists <annotation-names>`: true when every named server
// annotation has a (non-NIL) value.
#include <algorithm>

#include "sieve-lang/ext/metadata/metadata.h"
#include "sieve-lang/runtime.h"

namespace sieve::ext {

const CommandDef& ServerMetadataExistsTest() {
  static const CommandDef def{
      .name = "servermetadataexists",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"annotation-names", ArgType::kStringList}}},
      .validate = [](ValidationContext& ctx,
                     Node& node) { return WarnAboutEntryNames(ctx, node, 0); },
      .evaluate = [](Runtime& rt, const Operands& ops) -> TestOutcome {
        const auto& entries = ops.positional[0].strings;
        return std::all_of(entries.begin(), entries.end(), [&](const std::string& entry) {
          return LookupEntry(rt, std::nullopt, entry).has_value();
        });
      },
  };
  return def;
}

}  // namespace sieve::ext
