// test "name" { ... } (testsuite-spec §5.1). Generated as
//   invoke test "name"; jump L_body; L_exit: jump L_end; L_body: ...; invoke (test end); L_end:
// so that test_fail can leave the block through L_exit, which the test command registers.
#include "sieve-lang/codegen.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"
#include "testsuite/commands.h"
#include "testsuite/state.h"

namespace testsuite {
namespace {

using sieve::Op;

bool Validate(sieve::ValidationContext& ctx, sieve::Node& node) {
  if (!ctx.at_top_level()) {
    ctx.Error(node.location, "tests cannot be nested: test command must be issued at top-level");
    return false;
  }
  return true;
}

void Generate(sieve::CodeGenerator& gen, sieve::Node& node) {
  const int line = node.location.line;
  sieve::Node end{.def = &TestEndCommand(), .extension = node.extension,
                  .location = node.location};
  std::vector<sieve::Node> block = std::move(node.block);
  gen.EmitInvoke(node);
  size_t to_body = gen.EmitJump(Op::kJump, line);
  size_t to_end = gen.EmitJump(Op::kJump, line);  // the exit: two after the invoke
  gen.PatchHere(to_body);
  gen.GenerateBlock(block);
  gen.EmitInvoke(end);
  gen.PatchHere(to_end);
}

sieve::ExecStatus Begin(sieve::Runtime& rt, const sieve::Operands& ops) {
  StateOf(rt).BeginTest(ops.positional[0].str(), rt.position() + 2);
  return {};
}

sieve::ExecStatus End(sieve::Runtime& rt, const sieve::Operands&) {
  StateOf(rt).EndTest();
  return {};
}

}  // namespace

const sieve::CommandDef& TestCommand() {
  static const sieve::CommandDef def{
      .name = "test",
      .signature = {.positional = {{"test name", sieve::ArgType::kString}},
                    .block = sieve::BlockRule::kRequired},
      .validate = Validate,
      .generate = Generate,
      .execute = Begin,
  };
  return def;
}

const sieve::CommandDef& TestEndCommand() {
  // Not a name a script can write: only the test command's code generator emits it.
  static const sieve::CommandDef def{.name = "(test end)", .execute = End};
  return def;
}

}  // namespace testsuite
