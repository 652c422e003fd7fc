// ihave (RFC 5463): the `ihave` test, true when this build has every named capability (which
// the script may then use inside the guarded block), and the `error` command. A block under
// `if ihave` of a missing capability is skipped at compile time, so it may contain commands
// this build does not know. Status: complete.
#include <algorithm>

#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"

namespace sieve {
namespace {

bool AllAvailable(const ValidationContext& ctx, const Node& node) {
  const auto& capabilities = node.operands.positional[0].strings;
  return std::all_of(capabilities.begin(), capabilities.end(),
                     [&](const std::string& c) { return ctx.IsAvailable(c); });
}

// Capabilities the build has are loaded for the rest of the script, like `require`.
bool Validate(ValidationContext& ctx, Node& node) {
  if (!AllAvailable(ctx, node)) return true;
  bool ok = true;
  for (const std::string& capability : node.operands.positional[0].strings) {
    ok = ctx.Require(capability, node.location) && ok;
  }
  return ok;
}

// At run time the answer is in the program: every capability the build had was loaded.
TestOutcome Evaluate(Runtime& rt, const Operands& ops) {
  const auto& loaded = rt.program()->extensions();
  for (const std::string& capability : ops.positional[0].strings) {
    bool found = std::any_of(loaded.begin(), loaded.end(),
                             [&](const Extension* ext) { return ext->name == capability; });
    if (!found) return false;
  }
  return true;
}

const CommandDef& IhaveTest() {
  static const CommandDef def{
      .name = "ihave",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"capabilities", ArgType::kStringList}}},
      .validate = Validate,
      .statically_false = [](const ValidationContext& ctx, const Node& node) {
        return !AllAvailable(ctx, node);
      },
      .evaluate = Evaluate,
  };
  return def;
}

// RFC 5463 §5: stops the script with a run-time error carrying the message.
const CommandDef& ErrorCommand() {
  static const CommandDef def{
      .name = "error",
      .signature = {.positional = {{"message", ArgType::kString}}},
      .execute = [](Runtime&, const Operands& ops) -> ExecStatus {
        return std::unexpected(ExecError{ops.positional[0].str()});
      },
  };
  return def;
}

}  // namespace

const Extension& IhaveExtension() {
  static const Extension ext{.name = "ihave", .commands = {&IhaveTest(), &ErrorCommand()}};
  return ext;
}

}  // namespace sieve
