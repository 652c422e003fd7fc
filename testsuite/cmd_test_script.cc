// test_script_compile, test_script_run, test_multiscript, test_binary_save and
// test_binary_load (testsuite-spec §5.7-§5.10): helper scripts and their binaries.
#include <filesystem>
#include <memory>

#include "base/fs.h"
#include "sieve-lang/runtime.h"
#include "testsuite/commands.h"
#include "testsuite/state.h"

namespace testsuite {
namespace {

// Compiles the helper at `relative`; every error message goes to the captured log.
std::optional<sieve::Program> CompileHelper(State& state, const std::string& relative) {
  std::string path = state.ResolvePath(relative);
  auto source = base::ReadFile(path);
  if (!source) {
    state.LogError("script not found");
    return std::nullopt;
  }
  std::string name = std::filesystem::path(path).stem().string();
  sieve::CompileOutput out = state.engine().Compile(*source, name, &state.scripts());
  for (const sieve::Diagnostic& d : out.diagnostics) {
    if (d.severity != sieve::Diagnostic::Severity::kError) continue;
    state.LogError(d.script.empty() ? d.message : d.script + ": " + d.message);
  }
  return std::move(out.program);
}

// Runs `program` on the current message into `result`; false after a runtime error (logged)
// or a test_fail inside the helper.
bool RunHelper(sieve::Runtime& rt, const sieve::Program& program, sieve::Result& result) {
  State& state = StateOf(rt);
  ++state.helper_depth;
  bool failed_before = std::exchange(state.helper_failed, false);
  // The helper works on the message as edited so far (editheader, RFC 5293), and its own
  // edits carry over to this run: the next script and the implicit keep see them.
  std::shared_ptr<const mail::Message> edited = rt.edited_message();
  sieve::ExecInput input{
      .message = &rt.message(), .envelope = state.envelope(), .host = &state, .result = &result};
  sieve::ExecOutcome outcome = state.engine().Execute(program, input);
  --state.helper_depth;
  bool ok = !state.helper_failed;
  state.helper_failed = failed_before;
  // The helper may have changed the current message; this run must see the same one.
  rt.Rebind(state.message(), state.envelope());
  if (outcome.edited_message) edited = std::move(outcome.edited_message);
  if (edited) rt.EditMessage(std::move(edited));
  for (const sieve::Diagnostic& d : outcome.reported_errors) state.LogError(d.message);
  if (outcome.error) {
    state.LogError(outcome.error->message);
    return false;
  }
  return ok;
}

sieve::TestOutcome Compile(sieve::Runtime& rt, const sieve::Operands& ops) {
  State& state = StateOf(rt);
  state.ClearLog();
  std::optional<sieve::Program> program = CompileHelper(state, ops.positional[0].str());
  if (!program) return false;
  state.slot() = std::move(program);
  return true;
}

sieve::TestOutcome Run(sieve::Runtime& rt, const sieve::Operands& ops) {
  State& state = StateOf(rt);
  state.ClearLog();
  if (!state.slot()) {
    state.LogError("no compiled script to run");
    return false;
  }
  if (!ops.HasTag("append_result")) {
    state.result().Reset();
    state.ResetExecution();
  }
  return RunHelper(rt, *state.slot(), state.result());
}

// One delivery through a sequence of scripts: each script's actions are executed before the
// next runs, and the sequence goes on only while the implicit keep still applies.
sieve::TestOutcome Multiscript(sieve::Runtime& rt, const sieve::Operands& ops) {
  State& state = StateOf(rt);
  state.ClearLog();
  std::vector<sieve::Program> programs;
  for (const std::string& relative : ops.positional[0].strings) {
    std::optional<sieve::Program> program = CompileHelper(state, relative);
    if (!program) return false;
    programs.push_back(std::move(*program));
  }
  const sieve::Options& options = state.engine().options();
  bool ok = true;
  bool keep = true;
  for (const sieve::Program& program : programs) {
    sieve::Result result(options.limits, options.default_mailbox);
    if (!RunHelper(rt, program, result)) {
      ok = false;
      break;  // the implicit keep stays as the fallback
    }
    for (const sieve::Action& action : result.actions()) ok = state.ExecuteAction(action) && ok;
    keep = result.implicit_keep();
    if (!keep) break;
  }
  const mail::Message* edited = rt.edited_message().get();
  if (keep) ok = state.Store(options.default_mailbox, std::nullopt, edited) && ok;
  return ok;
}

std::optional<std::string> BinaryPath(State& state, const std::string& name) {
  std::optional<std::string> dir = state.WorkDir();
  if (!dir) return std::nullopt;
  std::filesystem::path binaries = std::filesystem::path(*dir) / "binaries";
  std::error_code ec;
  std::filesystem::create_directories(binaries, ec);
  return (binaries / (name + ".svbin")).string();
}

sieve::ExecStatus SaveBinary(sieve::Runtime& rt, const sieve::Operands& ops) {
  State& state = StateOf(rt);
  const std::string& name = ops.positional[0].str();
  if (!state.slot()) return std::unexpected(sieve::ExecError{"no compiled script to save"});
  std::optional<std::string> path = BinaryPath(state, name);
  if (!path || !base::WriteFileAtomic(*path, state.slot()->bytes()).ok()) {
    return std::unexpected(sieve::ExecError{"failed to save binary '" + name + "'"});
  }
  return {};
}

sieve::ExecStatus LoadBinary(sieve::Runtime& rt, const sieve::Operands& ops) {
  State& state = StateOf(rt);
  const std::string& name = ops.positional[0].str();
  std::optional<std::string> path = BinaryPath(state, name);
  if (!path) return std::unexpected(sieve::ExecError{"no work directory for binaries"});
  auto bytes = base::ReadFile(*path);
  if (!bytes) return std::unexpected(sieve::ExecError{"failed to read binary '" + name + "'"});
  auto program = state.engine().Load(*bytes);
  if (!program) {
    return std::unexpected(sieve::ExecError{"failed to load binary '" + name +
                                            "': " + program.error().message()});
  }
  state.slot() = std::move(*program);
  return {};
}

sieve::CommandDef NamedCommand(std::string_view name, std::string_view what,
                               sieve::ExecStatus (*execute)(sieve::Runtime&,
                                                            const sieve::Operands&)) {
  return {.name = name,
          .signature = {.positional = {{what, sieve::ArgType::kString}}},
          .execute = execute};
}

}  // namespace

const sieve::CommandDef& TestScriptCompileTest() {
  static const sieve::CommandDef def{
      .name = "test_script_compile",
      .kind = sieve::CommandKind::kTest,
      .signature = {.positional = {{"script path", sieve::ArgType::kString}}},
      .evaluate = Compile,
  };
  return def;
}

const sieve::CommandDef& TestScriptRunTest() {
  static const sieve::CommandDef def{
      .name = "test_script_run",
      .kind = sieve::CommandKind::kTest,
      .signature = {.tags = {{"append_result", std::nullopt, {}, 0}}},
      .evaluate = Run,
  };
  return def;
}

const sieve::CommandDef& TestMultiscriptTest() {
  static const sieve::CommandDef def{
      .name = "test_multiscript",
      .kind = sieve::CommandKind::kTest,
      .signature = {.positional = {{"scripts", sieve::ArgType::kStringList}}},
      .evaluate = Multiscript,
  };
  return def;
}

const sieve::CommandDef& TestBinarySaveCommand() {
  static const sieve::CommandDef def = NamedCommand("test_binary_save", "name", SaveBinary);
  return def;
}

const sieve::CommandDef& TestBinaryLoadCommand() {
  static const sieve::CommandDef def = NamedCommand("test_binary_load", "name", LoadBinary);
  return def;
}

}  // namespace testsuite
