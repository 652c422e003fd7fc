// RFC 5228 §5.9 size: compares the message size with :over or :under (exactly one).
#include "sieve-lang/core/core.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"

namespace sieve::core {
namespace {

bool Validate(ValidationContext& ctx, Node& node) {
  if (!node.operands.HasTag("over") && !node.operands.HasTag("under")) {
    ctx.Error(node.location, "the size test requires either the :under or the :over tag");
    return false;
  }
  return true;
}

// The size as transmitted (RFC 5322 §2.3: lines end in CRLF), which is what Pigeonhole
// compares: a message kept with bare LF line ends counts one more octet per line.
uint64_t WireSize(std::string_view bytes) {
  uint64_t size = bytes.size();
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) ++size;
  }
  return size;
}

TestOutcome Evaluate(Runtime& rt, const Operands& ops) {
  uint64_t size = WireSize(rt.message().bytes());
  uint64_t limit = ops.positional[0].number;
  return ops.HasTag("over") ? size > limit : size < limit;
}

}  // namespace

const CommandDef& SizeTest() {
  static const CommandDef def{
      .name = "size",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"limit", ArgType::kNumber}},
                    .tags = {{"over", std::nullopt, {}, 1}, {"under", std::nullopt, {}, 1}}},
      .validate = Validate,
      .evaluate = Evaluate,
  };
  return def;
}

}  // namespace sieve::core
