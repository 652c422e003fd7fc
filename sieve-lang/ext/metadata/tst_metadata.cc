// RFC 5490 §3.3 `metadata [MATCH-TYPE] [COMPARATOR] <mailbox> <annotation-name> <key-list>`:
// true when the mailbox annotation exists and its value matches a key.
#include "sieve-lang/ext/metadata/metadata.h"
#include "sieve-lang/runtime.h"

namespace sieve::ext {

const CommandDef& MetadataTest() {
  static const CommandDef def{
      .name = "metadata",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"mailbox", ArgType::kString},
                                   {"annotation-name", ArgType::kString},
                                   {"key-list", ArgType::kStringList}},
                    .match_tags = true},
      .validate = [](ValidationContext& ctx,
                     Node& node) { return WarnAboutEntryNames(ctx, node, 1); },
      .evaluate = [](Runtime& rt, const Operands& ops) -> TestOutcome {
        // "The test returns true if the annotation exists and its value matches any of the
        // keys": no value, no match, whatever the match type (:count included).
        std::optional<std::string> value =
            LookupEntry(rt, ops.positional[0].str(), ops.positional[1].str());
        if (!value) return false;
        return rt.MatchAny(ops, {std::move(*value)}, ops.positional[2].strings);
      },
  };
  return def;
}

}  // namespace sieve::ext
