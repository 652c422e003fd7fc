// filter <program-name: string> [<arguments: string-list>] (spec §6, §8): the program reads the
// current message and what it prints is the message from then on, for the script's tests and
// for every action taken later (the stores carry it, like editheader's edits). As a test it
// is true when the message was replaced. A program that exits with an error leaves the
// message as it was (§8: a "false" result); one that cannot run fails the command, and makes
// the test false.
#include <memory>

#include "sieve-lang/ext/extprograms/extprograms.h"
#include "sieve-lang/ext/extprograms/limits.h"
#include "sieve-lang/node.h"
#include "sieve-lang/runtime.h"

namespace sieve::ext {
namespace {

constexpr std::string_view kWhat = "filter action";

bool Validate(ValidationContext& ctx, Node& node) { return ValidateProgram(ctx, node, kWhat); }

// True when the message was replaced; an error only for the command form.
TestOutcome Filter(Runtime& rt, const Operands& ops, bool as_test) {
  if (auto problem = CheckProgram(ops, kWhat)) return std::unexpected(ExecError{*problem});
  ProgramRequest request = BuildProgramRequest(rt, "filter", ops);
  request.run.input = MessageInput(rt, "filter");
  request.run.max_output = kMaxFilterOutput;
  base::Result<base::ProgramExit> exit = rt.host().RunProgram(request);
  std::optional<base::Status> failure;
  if (!exit) {
    failure = exit.error();
  } else if (exit->output_truncated) {
    failure = base::Status::InvalidArgument("its output is larger than " +
                                            std::to_string(kMaxFilterOutput) + " bytes");
  }
  if (failure) {
    std::string message = RunFailure("filter message through", request, *failure);
    if (!as_test) return std::unexpected(ExecError{message});
    rt.Trace(TraceLevel::kActions, 0, message);
    return false;
  }
  // §6: no output is a failure too; the message stays as it was.
  if (exit->status != 0 || exit->output.empty()) {
    rt.Trace(TraceLevel::kActions, 0,
             "filter: program '" + request.name + "' exited with status " +
                 std::to_string(exit->status) + (exit->output.empty() ? " and no output" : "") +
                 "; message left unchanged");
    return false;
  }
  rt.Trace(TraceLevel::kActions, 0, "filter: message replaced by the output of program '" +
                                        request.name + "'");
  rt.EditMessage(std::make_shared<const mail::Message>(std::move(exit->output)));
  return true;
}

ExecStatus RunAsCommand(Runtime& rt, const Operands& ops) {
  TestOutcome outcome = Filter(rt, ops, false);
  if (!outcome) return std::unexpected(outcome.error());
  return {};
}

TestOutcome RunAsTest(Runtime& rt, const Operands& ops) { return Filter(rt, ops, true); }

Signature FilterSignature() {
  return {.positional = {{"program name", ArgType::kString}, {"arguments", ArgType::kStringList}},
          .optional_trailing = 1};
}

}  // namespace

const CommandDef& FilterCommand() {
  static const CommandDef def{
      .name = "filter",
      .signature = FilterSignature(),
      .validate = Validate,
      .execute = RunAsCommand,
  };
  return def;
}

const CommandDef& FilterTest() {
  static const CommandDef def{
      .name = "filter",
      .kind = CommandKind::kTest,
      .signature = FilterSignature(),
      .validate = Validate,
      .evaluate = RunAsTest,
  };
  return def;
}

}  // namespace sieve::ext
