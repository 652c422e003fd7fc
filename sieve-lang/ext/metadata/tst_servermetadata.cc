// RFC 5490 §4.1 `servermetadata [MATCH-TYPE] [COMPARATOR] <annotation-name> <key-list>`: true
// when the server annotation exists and its value matches a key.
#include "sieve-lang/ext/metadata/metadata.h"
#include "sieve-lang/runtime.h"

namespace sieve::ext {

const CommandDef& ServerMetadataTest() {
  static const CommandDef def{
      .name = "servermetadata",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"annotation-name", ArgType::kString},
                                   {"key-list", ArgType::kStringList}},
                    .match_tags = true},
      .validate = [](ValidationContext& ctx,
                     Node& node) { return WarnAboutEntryNames(ctx, node, 0); },
      .evaluate = [](Runtime& rt, const Operands& ops) -> TestOutcome {
        // As for metadata (§3.3): an annotation without a value matches nothing.
        std::optional<std::string> value = LookupEntry(rt, std::nullopt, ops.positional[0].str());
        if (!value) return false;
        return rt.MatchAny(ops, {std::move(*value)}, ops.positional[1].strings);
      },
  };
  return def;
}

}  // namespace sieve::ext
