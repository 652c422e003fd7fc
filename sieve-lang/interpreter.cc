#include "sieve-lang/interpreter.h"

namespace sieve {

namespace {

void ExpandOperands(Runtime& rt, Operands& ops) {
  for (Value& v : ops.positional) {
    for (std::string& s : v.strings) s = rt.Expand(s);
  }
  for (TagValue& t : ops.tags) {
    if (!t.value) continue;
    for (std::string& s : t.value->strings) s = rt.Expand(s);
  }
}

}  // namespace

std::optional<RunError> Interpret(const Program& program, Runtime& rt) {
  const std::vector<Instruction>& code = program.code();
  const uint64_t max_steps = rt.limits().max_program_steps;
  uint64_t& steps = rt.steps();  // shared with included scripts
  bool test = false;  // the test-result register that jumps consult
  size_t pc = 0;
  rt.set_program(&program);
  rt.set_variables_enabled(program.expands_variables());
  Operands expanded;  // reused: the expanded copy of the current instruction's operands
  while (pc < code.size()) {
    const Instruction& in = code[pc];
    ++steps;
    if (max_steps != 0 && steps > max_steps) {
      return RunError{{in.line, 0}, "execution exceeded the step limit (" +
                                        std::to_string(max_steps) + " instructions)"};
    }
    // Reading the clock costs tens of nanoseconds: look every 64 instructions (a single test
    // is bounded by the string and list limits, and regex matching is linear).
    if (steps % 64 == 0 && rt.CpuTimeExceeded()) {
      return RunError{{in.line, 0}, "execution exceeded the CPU time limit (sieve_max_cpu_time " +
                                        std::to_string(rt.limits().max_cpu_time.count()) +
                                        " ms)"};
    }
    rt.set_line(in.line);
    ++pc;
    switch (in.op) {
      case Op::kJump: pc = in.target; break;
      case Op::kJumpIfTrue: if (test) pc = in.target; break;
      case Op::kJumpIfFalse: if (!test) pc = in.target; break;
      case Op::kNot: test = !test; break;
      case Op::kSetTrue: test = true; break;
      case Op::kSetFalse: test = false; break;
      case Op::kStop:
        rt.Trace(TraceLevel::kCommands, 0, "stop command; end all script execution");
        rt.RequestStop();  // also ends the scripts that included this one (RFC 6609 §3.2)
        return std::nullopt;
      case Op::kInvoke:
        rt.set_position(pc - 1);
        const Operands* ops = &in.operands;
        if (in.expand) {
          expanded = in.operands;
          ExpandOperands(rt, expanded);
          ops = &expanded;
        }
        rt.set_operands(ops, in.expand);
        if (in.def->kind == CommandKind::kTest) {
          if (rt.Tracing(TraceLevel::kTests)) {
            rt.Trace(TraceLevel::kTests, 0, std::string(in.def->name) + " test");
          }
          TestOutcome outcome = in.def->evaluate(rt, *ops);
          if (!outcome) return RunError{{in.line, 0}, outcome.error().message};
          test = *outcome;
          if (rt.Tracing(TraceLevel::kTests)) {
            rt.Trace(TraceLevel::kTests, 1, test ? "=> true" : "=> false");
          }
        } else {
          if (rt.Tracing(TraceLevel::kCommands)) {
            rt.Trace(TraceLevel::kCommands, 0, std::string(in.def->name) + " command");
          }
          ExecStatus status = in.def->execute(rt, *ops);
          if (!status) return RunError{{in.line, 0}, status.error().message};
        }
        if (rt.stop_requested()) return std::nullopt;
        if (rt.TakeReturn()) return std::nullopt;  // RFC 6609 §3.3
        if (auto to = rt.TakeJump()) {
          // Commands jump only to instructions of this program; the step budget still bounds
          // the run, so a jump backwards cannot loop forever.
          if (*to > code.size()) return RunError{{in.line, 0}, "invalid jump request"};
          pc = *to;
        }
        break;
    }
  }
  return std::nullopt;
}

}  // namespace sieve
