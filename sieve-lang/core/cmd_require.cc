// RFC 5228 §3.2 require: loads extensions at compile time; generates no code.
#include "sieve-lang/codegen.h"
#include "sieve-lang/core/core.h"
#include "sieve-lang/validator.h"

namespace sieve::core {
namespace {

bool Validate(ValidationContext& ctx, Node& node) {
  bool ok = true;
  for (const std::string& capability : node.operands.positional[0].strings) {
    ok = ctx.Require(capability, node.location) && ok;
  }
  return ok;
}

void Generate(CodeGenerator&, Node&) {}

}  // namespace

const CommandDef& RequireCommand() {
  static const CommandDef def{
      .name = "require",
      .signature = {.positional = {{"capabilities", ArgType::kStringList}}},
      .validate = Validate,
      .generate = Generate,
  };
  return def;
}

}  // namespace sieve::core
