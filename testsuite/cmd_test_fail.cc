// test_fail "reason" (testsuite-spec §5.2), and the failure path other commands share.
#include "sieve-lang/runtime.h"
#include "testsuite/commands.h"
#include "testsuite/state.h"

namespace testsuite {

sieve::ExecStatus FailCurrentTest(sieve::Runtime& rt, std::string_view reason) {
  State& state = StateOf(rt);
  if (state.helper_depth > 0) {
    // The enclosing test_script_run reports false; the outer test decides what that means.
    state.PrintFailure(reason);
    state.helper_failed = true;
    rt.RequestStop();
    return {};
  }
  if (std::optional<size_t> exit = state.FailTest(reason)) {
    state.CountFailure();
    rt.RequestJump(*exit);
    return {};
  }
  return std::unexpected(sieve::ExecError{"test failed outside of a test block: " +
                                          std::string(reason)});
}

const sieve::CommandDef& TestFailCommand() {
  static const sieve::CommandDef def{
      .name = "test_fail",
      .signature = {.positional = {{"reason", sieve::ArgType::kString}}},
      .execute = [](sieve::Runtime& rt, const sieve::Operands& ops) {
        return FailCurrentTest(rt, ops.positional[0].str());
      },
  };
  return def;
}

}  // namespace testsuite
