// test_result_action, test_result_execute, test_result_reset, test_result_print and
// test_error (testsuite-spec §5.11-§5.15): inspecting and executing the shared result.
#include <cstdio>

#include "sieve-lang/runtime.h"
#include "testsuite/commands.h"
#include "testsuite/state.h"

namespace testsuite {
namespace {

// [:index N] MATCH-TYPE COMPARATOR keys, with i;octet as the default comparator.
sieve::Signature IndexedMatchSignature() {
  return {.positional = {{"key list", sieve::ArgType::kStringList}},
          .tags = {{"index", sieve::ArgType::kNumber, "index", 0}},
          .match_tags = true,
          .default_comparator = "i;octet"};
}

// `values`, or only the `:index`-th of them (1-based; 0 or absent: all).
std::vector<std::string> Select(std::vector<std::string> values, const sieve::Operands& ops) {
  const sieve::TagValue* index = ops.FindTag("index");
  if (index == nullptr || index->value->number == 0) return values;
  if (index->value->number > values.size()) return {};
  return {std::move(values[index->value->number - 1])};
}

sieve::TestOutcome ResultAction(sieve::Runtime& rt, const sieve::Operands& ops) {
  std::vector<std::string> names;
  for (const sieve::Action& action : StateOf(rt).result().actions()) {
    names.emplace_back(action.name());
  }
  return rt.MatchAny(ops, Select(std::move(names), ops), ops.positional[0].strings);
}

sieve::TestOutcome Error(sieve::Runtime& rt, const sieve::Operands& ops) {
  return rt.MatchAny(ops, Select(StateOf(rt).errors(), ops), ops.positional[0].strings);
}

sieve::TestOutcome Execute(sieve::Runtime& rt, const sieve::Operands&) {
  State& state = StateOf(rt);
  state.ClearLog();
  return state.ExecuteResult(rt.ImplicitKeepFlags(), rt.edited_message().get());
}

sieve::ExecStatus Print(sieve::Runtime& rt, const sieve::Operands&) {
  State& state = StateOf(rt);
  std::string text = "\n--\nPerformed actions:\n";
  const auto& actions = state.result().actions();
  if (actions.empty()) text += "  (none)\n";
  for (const sieve::Action& action : actions) text += " * " + action.Describe() + "\n";
  if (state.result().implicit_keep()) text += "Implicit keep:\n * store message in folder: INBOX\n";
  text += "--\n\n";
  std::fputs(text.c_str(), state.out());
  return {};
}

}  // namespace

const sieve::CommandDef& TestResultActionTest() {
  static const sieve::CommandDef def{
      .name = "test_result_action",
      .kind = sieve::CommandKind::kTest,
      .signature = IndexedMatchSignature(),
      .evaluate = ResultAction,
  };
  return def;
}

const sieve::CommandDef& TestErrorTest() {
  static const sieve::CommandDef def{
      .name = "test_error",
      .kind = sieve::CommandKind::kTest,
      .signature = IndexedMatchSignature(),
      .evaluate = Error,
  };
  return def;
}

const sieve::CommandDef& TestResultExecuteTest() {
  static const sieve::CommandDef def{
      .name = "test_result_execute",
      .kind = sieve::CommandKind::kTest,
      .evaluate = Execute,
  };
  return def;
}

const sieve::CommandDef& TestResultResetCommand() {
  static const sieve::CommandDef def{
      .name = "test_result_reset",
      .execute = [](sieve::Runtime& rt, const sieve::Operands&) -> sieve::ExecStatus {
        State& state = StateOf(rt);
        state.ResetResult();
        // Pigeonhole resets the message context with the result: the message a filter or
        // editheader changed is the test's message again (extprograms filter/execute.svtest).
        if (rt.edited_message()) rt.Rebind(state.message(), state.envelope());
        return {};
      },
  };
  return def;
}

const sieve::CommandDef& TestResultPrintCommand() {
  static const sieve::CommandDef def{.name = "test_result_print", .execute = Print};
  return def;
}

}  // namespace testsuite
