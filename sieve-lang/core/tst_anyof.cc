// RFC 5228 §5.3 anyof: true when some subtest is; stops at the first true one.
#include "sieve-lang/codegen.h"
#include "sieve-lang/core/core.h"

namespace sieve::core {

void GenerateShortCircuit(CodeGenerator& gen, Node& node, Op exit_on);

const CommandDef& AnyofTest() {
  static const CommandDef def{
      .name = "anyof",
      .kind = CommandKind::kTest,
      .signature = {.subtests = Subtests::kList},
      .generate = [](CodeGenerator& gen, Node& node) {
        GenerateShortCircuit(gen, node, Op::kJumpIfTrue);
      },
  };
  return def;
}

}  // namespace sieve::core
