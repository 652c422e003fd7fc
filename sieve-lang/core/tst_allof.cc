// RFC 5228 §5.2 allof: true when every subtest is; stops at the first false one.
#include "sieve-lang/codegen.h"
#include "sieve-lang/core/core.h"

namespace sieve::core {

// Shared by allof and anyof: evaluate subtests in order, leaving the register at the first
// subtest that decides the outcome (`exit_on` is the jump that short-circuits).
void GenerateShortCircuit(CodeGenerator& gen, Node& node, Op exit_on) {
  std::vector<size_t> exits;
  for (size_t i = 0; i < node.tests.size(); ++i) {
    gen.Generate(node.tests[i]);
    if (i + 1 < node.tests.size()) exits.push_back(gen.EmitJump(exit_on, node.location.line));
  }
  for (size_t jump : exits) gen.PatchHere(jump);
}

const CommandDef& AllofTest() {
  static const CommandDef def{
      .name = "allof",
      .kind = CommandKind::kTest,
      .signature = {.subtests = Subtests::kList},
      .generate = [](CodeGenerator& gen, Node& node) {
        GenerateShortCircuit(gen, node, Op::kJumpIfFalse);
      },
  };
  return def;
}

}  // namespace sieve::core
