// RFC 5228 §5.6 false, §5.10 true: constant tests, compiled to a register load.
#include "sieve-lang/codegen.h"
#include "sieve-lang/core/core.h"

namespace sieve::core {

const CommandDef& TrueTest() {
  static const CommandDef def{
      .name = "true",
      .kind = CommandKind::kTest,
      .generate = [](CodeGenerator& gen, Node& node) {
        gen.EmitSimple(Op::kSetTrue, node.location.line);
      },
  };
  return def;
}

const CommandDef& FalseTest() {
  static const CommandDef def{
      .name = "false",
      .kind = CommandKind::kTest,
      .generate = [](CodeGenerator& gen, Node& node) {
        gen.EmitSimple(Op::kSetFalse, node.location.line);
      },
      .statically_false = [](const ValidationContext&, const Node&) { return true; },
  };
  return def;
}

}  // namespace sieve::core
