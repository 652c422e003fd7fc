// pipe [:copy] [:try] <program-name: string> [<arguments: string-list>] (spec §5): hands the
// message, as it is when the command runs (§6.1), to a program when the result is carried out.
// A disposition action: it cancels the implicit keep unless :copy (copy extension, §5.2).
#include <algorithm>

#include "sieve-lang/ext/extprograms/extprograms.h"
#include "sieve-lang/node.h"
#include "sieve-lang/result.h"
#include "sieve-lang/runtime.h"

namespace sieve::ext {
namespace {

constexpr std::string_view kWhat = "pipe action";

bool Validate(ValidationContext& ctx, Node& node) { return ValidateProgram(ctx, node, kWhat); }

ExecStatus Execute(Runtime& rt, const Operands& ops) {
  if (auto problem = CheckProgram(ops, kWhat)) return std::unexpected(ExecError{*problem});
  ProgramRequest request = BuildProgramRequest(rt, "pipe", ops);
  request.run.input = MessageInput(rt, "pipe");
  return rt.AddAction({.kind = Action::Kind::kPipe,
                       .target = ops.positional[0].str(),
                       .copy = ops.HasTag("copy"),
                       .program = std::move(request),
                       .pipe_try = ops.HasTag("try")});
}

}  // namespace

bool ImplicitKeepAfterFailedPipes(const std::vector<Action>& actions,
                                  const std::vector<const Action*>& failed) {
  return std::ranges::none_of(actions, [&](const Action& action) {
    return CancelsImplicitKeep(action) && std::ranges::find(failed, &action) == failed.end();
  });
}

std::string PipeFailure(const Action& pipe, std::string_view why) {
  return "failed to pipe message to program '" + pipe.target + "': " + std::string(why);
}

const CommandDef& PipeCommand() {
  static const CommandDef def{
      .name = "pipe",
      .signature = {.positional = {{"program name", ArgType::kString},
                                   {"arguments", ArgType::kStringList}},
                    .optional_trailing = 1,
                    .tags = {{"try", std::nullopt, {}, 0}}},
      .validate = Validate,
      .execute = Execute,
  };
  return def;
}

}  // namespace sieve::ext
