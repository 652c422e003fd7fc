// RFC 5228 §3.3 stop: ends execution; the result so far (and the implicit keep) stands.
#include "sieve-lang/codegen.h"
#include "sieve-lang/core/core.h"

namespace sieve::core {

const CommandDef& StopCommand() {
  static const CommandDef def{
      .name = "stop",
      .generate = [](CodeGenerator& gen, Node& node) {
        gen.EmitSimple(Op::kStop, node.location.line);
      },
  };
  return def;
}

}  // namespace sieve::core
