// RFC 5490 §3.4 `metadataexists <mailbox> <annotation-names>`: true when every named
// annotation of the mailbox has a (non-NIL) value.
#include <algorithm>

#include "sieve-lang/ext/metadata/metadata.h"
#include "sieve-lang/runtime.h"

namespace sieve::ext {

const CommandDef& MetadataExistsTest() {
  static const CommandDef def{
      .name = "metadataexists",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"mailbox", ArgType::kString},
                                   {"annotation-names", ArgType::kStringList}}},
      .validate = [](ValidationContext& ctx,
                     Node& node) { return WarnAboutEntryNames(ctx, node, 1); },
      .evaluate = [](Runtime& rt, const Operands& ops) -> TestOutcome {
        const std::string& mailbox = ops.positional[0].str();
        const auto& entries = ops.positional[1].strings;
        return std::all_of(entries.begin(), entries.end(), [&](const std::string& entry) {
          return LookupEntry(rt, mailbox, entry).has_value();
        });
      },
  };
  return def;
}

}  // namespace sieve::ext
