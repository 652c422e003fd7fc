// execute [:input <input-data: string> / :pipe] [:output <varname: string>] <program-name:
// string> [<arguments: string-list>] (spec §7, §8): runs a program with the string or the
// current message as its input, or none, and with :output (variables extension) stores what
// it printed in a variable, cut to sieve_variables_max_variable_size. The message is not
// touched. As a test it is true when the program exited with status 0; otherwise the variable
// keeps its value. A program that cannot run fails the command, and makes the test false.
#include "sieve-lang/ext/extprograms/extprograms.h"
#include "sieve-lang/ext/variables/variables.h"
#include "sieve-lang/node.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"

namespace sieve::ext {
namespace {

constexpr std::string_view kWhat = "execute action";

bool Validate(ValidationContext& ctx, Node& node) {
  if (!ValidateProgram(ctx, node, kWhat)) return false;
  const TagValue* output = node.operands.FindTag("output");
  if (output == nullptr) return true;
  // §7: :output without the variables extension MUST be a compile error.
  if (!ctx.IsLoaded("variables")) {
    ctx.Error(node.location, "execute action: the :output tag requires the variables extension");
    return false;
  }
  return ValidateAssignedName(ctx, node, output->value->str());
}

TestOutcome Run(Runtime& rt, const Operands& ops, bool as_test) {
  if (auto problem = CheckProgram(ops, kWhat)) return std::unexpected(ExecError{*problem});
  ProgramRequest request = BuildProgramRequest(rt, "execute", ops);
  if (ops.HasTag("pipe")) {
    request.run.input = MessageInput(rt, "execute");
  } else if (const TagValue* input = ops.FindTag("input")) {
    request.run.input = input->value->str();
  }
  const TagValue* output = ops.FindTag("output");
  // §7: what is stored MAY be cut to the variable size limit.
  if (output != nullptr) request.run.max_output = rt.limits().max_variable_size;
  base::Result<base::ProgramExit> exit = rt.host().RunProgram(request);
  if (!exit) {
    std::string message = RunFailure("execute", request, exit.error());
    if (!as_test) return std::unexpected(ExecError{message});
    rt.Trace(TraceLevel::kActions, 0, message);
    return false;
  }
  if (exit->status != 0) {
    rt.Trace(TraceLevel::kActions, 0,
             "execute: program '" + request.name + "' exited with status " +
                 std::to_string(exit->status));
    return false;
  }
  if (output != nullptr) {
    ExecStatus set = rt.SetVariable(output->value->str(), std::move(exit->output));
    if (!set) return std::unexpected(set.error());
  }
  return true;
}

ExecStatus RunAsCommand(Runtime& rt, const Operands& ops) {
  TestOutcome outcome = Run(rt, ops, false);
  if (!outcome) return std::unexpected(outcome.error());
  return {};
}

TestOutcome RunAsTest(Runtime& rt, const Operands& ops) { return Run(rt, ops, true); }

Signature ExecuteSignature() {
  return {.positional = {{"program name", ArgType::kString}, {"arguments", ArgType::kStringList}},
          .optional_trailing = 1,
          .tags = {{"input", ArgType::kString, "input data", 1},
                   {"pipe", std::nullopt, {}, 1},
                   {"output", ArgType::kString, "variable name", 0}}};
}

}  // namespace

const CommandDef& ExecuteCommand() {
  static const CommandDef def{
      .name = "execute",
      .signature = ExecuteSignature(),
      .validate = Validate,
      .execute = RunAsCommand,
  };
  return def;
}

const CommandDef& ExecuteTest() {
  static const CommandDef def{
      .name = "execute",
      .kind = CommandKind::kTest,
      .signature = ExecuteSignature(),
      .validate = Validate,
      .evaluate = RunAsTest,
  };
  return def;
}

}  // namespace sieve::ext
