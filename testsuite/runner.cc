#include "testsuite/runner.h"

#include <filesystem>
#include <fstream>
#include <iostream>

#include "base/fs.h"
#include "base/strings.h"
#include "sieve-lang/parser.h"
#include "sieve-lang/sieve.h"
#include "sieve-lang/trace_printer.h"
#include "testsuite/extension.h"
#include "testsuite/state.h"

namespace testsuite {
namespace {

constexpr int kExitFatal = 89;  // Dovecot's fatal-error status

// "<script>: line N, column C: error: message" (Pigeonhole's form plus the column), or
// without location.
void PrintError(std::FILE* err, const std::string& script, const sieve::Diagnostic& d) {
  const char* severity = d.severity == sieve::Diagnostic::Severity::kError ? "error" : "warning";
  if (d.location.line > 0 && d.location.column > 0) {
    std::fprintf(err, "%s: line %d, column %d: %s: %s\n", script.c_str(), d.location.line,
                 d.location.column, severity, d.message.c_str());
  } else if (d.location.line > 0) {
    std::fprintf(err, "%s: line %d: %s: %s\n", script.c_str(), d.location.line, severity,
                 d.message.c_str());
  } else {
    std::fprintf(err, "%s: %s: %s\n", script.c_str(), severity, d.message.c_str());
  }
}

void PrintSummary(std::FILE* out, int started, int failures, bool expect_failure) {
  if (expect_failure) {
    if (failures >= started) {
      std::fprintf(out, "\nPASS: %d tests failed (expected to fail).\n\n",
                   started > 0 ? started : 1);
    } else {
      std::fprintf(out, "\nFAIL: Only %d of %d tests failed (all expected to fail).\n\n",
                   failures, started);
    }
  } else if (failures == 0) {
    std::fprintf(out, "\nPASS: %d tests succeeded.\n\n", started);
  } else {
    std::fprintf(out, "\nFAIL: %d of %d tests failed.\n\n", failures, started);
  }
}

bool Passed(int started, int failures, bool expect_failure) {
  return expect_failure ? failures >= started : failures == 0;
}

// Binary content is no Sieve script; say so in one line instead of a page of lexer errors.
bool LooksBinary(const std::string& text) {
  return text.find('\0') != std::string::npos || !base::IsValidUtf8(text);
}

// A test file requires the extension (testsuite-spec §1); anything else is some other file
// given by mistake, and a page of syntax errors would not say so. The parser recovers from
// errors, so a test file with a syntax error further down still counts.
bool RequiresTestsuite(std::string_view text) {
  sieve::ParseOutput parsed = sieve::Parse(text, sieve::Limits{});
  for (const sieve::Command& command : parsed.script.commands) {
    if (command.name != "require") continue;
    for (const sieve::Argument& arg : command.arguments) {
      for (const std::string& capability : arg.strings) {
        if (capability == "vnd.dovecot.testsuite") return true;
      }
    }
  }
  return false;
}

}  // namespace

int RunFile(const RunOptions& options, std::FILE* out, std::FILE* err) {
  auto source = base::ReadFile(options.path);
  if (!source) {
    std::fprintf(err, "testsuite: cannot read '%s': %s\n", options.path.c_str(),
                 source.error().message().c_str());
    return kExitFatal;
  }
  if (LooksBinary(*source)) {
    std::fprintf(err, "testsuite: '%s' is not a Sieve script (binary or non-UTF-8 content)\n",
                 options.path.c_str());
    return 1;
  }
  if (!RequiresTestsuite(*source)) {
    std::fprintf(err,
                 "testsuite: '%s' is not a Sieve test script (it never requires "
                 "\"vnd.dovecot.testsuite\")\n",
                 options.path.c_str());
    return 1;
  }
  static const sieve::Registry registry(RunnerExtensions());
  sieve::Options engine_options;
  engine_options.all_extensions = true;
  if (options.extensions) engine_options.extensions = *options.extensions;
  engine_options.plugins = options.plugins;
  const sieve::Engine engine(registry, engine_options);

  std::string script = std::filesystem::path(options.path).stem().string();
  std::fprintf(out, "Test case: %s:\n\n", options.path.c_str());
  std::fflush(out);

  // The test script itself includes with the built-in settings (no test_config_set yet).
  const ScriptStore scripts(std::filesystem::path(options.path).parent_path().string(),
                            [](std::string_view) { return std::optional<std::string>(); });
  sieve::CompileOutput compiled = engine.Compile(*source, script, &scripts);
  bool printed = false;
  for (const sieve::Diagnostic& d : compiled.diagnostics) {
    if (d.severity != sieve::Diagnostic::Severity::kError) continue;
    // The closing "parse failed" / "validation failed" adds nothing after the real errors.
    if (printed && d.location.line == 0) continue;
    PrintError(err, d.script.empty() ? script : d.script, d);
    printed = true;
  }
  State state(engine, options.path, out);
  if (!compiled.program) {
    state.PrintFileFailure("failed to compile testcase script");
  } else {
    if (options.dump_file) {
      std::string listing = compiled.program->Disassemble();
      if (*options.dump_file == "-") {
        std::fputs(listing.c_str(), out);
      } else if (!base::WriteFileAtomic(*options.dump_file, listing).ok()) {
        std::fprintf(err, "testsuite: cannot write '%s'\n", options.dump_file->c_str());
      }
    }
    std::ofstream trace_stream;
    std::optional<sieve::TracePrinter> tracer;
    if (options.trace_file) {
      if (*options.trace_file == "-") {
        tracer.emplace(std::cout, options.trace_level);
      } else {
        trace_stream.open(*options.trace_file);
        tracer.emplace(trace_stream, options.trace_level);
      }
    }
    sieve::ExecInput input{.message = &state.message(), .envelope = state.envelope(),
                           .host = &state, .trace = tracer ? &*tracer : nullptr,
                           .result = &state.result()};
    sieve::ExecOutcome outcome = engine.Execute(*compiled.program, input);
    std::cout.flush();
    for (const sieve::Diagnostic& d : outcome.reported_errors) PrintError(err, script, d);
    if (outcome.error) {
      PrintError(err, script, *outcome.error);
      state.PrintFileFailure("test script execution aborted due to error");
    }
  }
  PrintSummary(out, state.started(), state.failures(), options.expect_failure);
  std::fflush(out);
  return Passed(state.started(), state.failures(), options.expect_failure) ? 0 : 1;
}

}  // namespace testsuite
