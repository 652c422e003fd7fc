// RFC 5228 §5.8 not: inverts its single subtest.
#include "sieve-lang/codegen.h"
#include "sieve-lang/core/core.h"

namespace sieve::core {

const CommandDef& NotTest() {
  static const CommandDef def{
      .name = "not",
      .kind = CommandKind::kTest,
      .signature = {.subtests = Subtests::kOne},
      .generate = [](CodeGenerator& gen, Node& node) {
        gen.Generate(node.tests.front());
        gen.EmitSimple(Op::kNot, node.location.line);
      },
  };
  return def;
}

}  // namespace sieve::core
