// RFC 5228 §3.1 if / elsif / else: test; jump past the block when false; after each taken
// block, jump to the end of the whole chain.
#include "sieve-lang/codegen.h"
#include "sieve-lang/core/core.h"
#include "sieve-lang/validator.h"

namespace sieve::core {
namespace {

void GenerateConditional(CodeGenerator& gen, Node& node) {
  gen.Generate(node.tests.front());
  size_t skip = gen.EmitJump(Op::kJumpIfFalse, node.location.line);
  gen.GenerateBlock(node.block);
  const Node* next = gen.next_sibling();
  if (next != nullptr && (next->def->name == "elsif" || next->def->name == "else")) {
    gen.AddChainExit(gen.EmitJump(Op::kJump, node.location.line));
  }
  gen.PatchHere(skip);
}

void GenerateElse(CodeGenerator& gen, Node& node) { gen.GenerateBlock(node.block); }

bool FollowsIf(ValidationContext& ctx, Node& node) {
  const Node* prev = ctx.previous();
  if (prev == nullptr || (prev->def->name != "if" && prev->def->name != "elsif")) {
    ctx.Error(node.location, "the " + std::string(node.def->name) +
                                 " command must follow an if or elsif command");
    return false;
  }
  return true;
}

}  // namespace

const CommandDef& IfCommand() {
  static const CommandDef def{
      .name = "if",
      .signature = {.subtests = Subtests::kOne, .block = BlockRule::kRequired},
      .generate = GenerateConditional,
  };
  return def;
}

const CommandDef& ElsifCommand() {
  static const CommandDef def{
      .name = "elsif",
      .signature = {.subtests = Subtests::kOne, .block = BlockRule::kRequired},
      .validate = FollowsIf,
      .generate = GenerateConditional,
  };
  return def;
}

const CommandDef& ElseCommand() {
  static const CommandDef def{
      .name = "else",
      .signature = {.block = BlockRule::kRequired},
      .validate = FollowsIf,
      .generate = GenerateElse,
  };
  return def;
}

}  // namespace sieve::core
