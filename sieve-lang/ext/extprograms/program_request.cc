// The request a command hands the host: Pigeonhole's sieve_<kind>_exec_timeout (default 10 s)
// and sieve_<kind>_input_eol (default crlf), and the environment its directly executed
// programs get from the envelope.
#include "base/duration.h"
#include "base/strings.h"
#include "sieve-lang/ext/extprograms/extprograms.h"
#include "sieve-lang/ext/extprograms/limits.h"
#include "sieve-lang/runtime.h"

namespace sieve::ext {
namespace {

constexpr std::chrono::milliseconds kDefaultTimeout{10'000};

std::string SettingName(std::string_view kind, std::string_view what) {
  return "sieve_" + std::string(kind) + "_" + std::string(what);
}

}  // namespace

std::string WithLineEnds(std::string_view text, bool crlf) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (text[i] == '\n' && crlf) out += '\r';
    out += text[i];
  }
  return out;
}

ProgramRequest BuildProgramRequest(Runtime& rt, std::string_view kind, const Operands& ops) {
  ProgramRequest request{.kind = std::string(kind), .name = ops.positional[0].str()};
  base::ProgramRun& run = request.run;
  if (ops.positional.size() > 1) run.args = ops.positional[1].strings;
  const Envelope& envelope = rt.envelope();
  run.env = {"SENDER=" + envelope.from, "RECIPIENT=" + envelope.to,
             "ORIG_RECIPIENT=" + (envelope.orig_to.empty() ? envelope.to : envelope.orig_to)};
  run.timeout = kDefaultTimeout;
  if (auto text = rt.host().Setting(SettingName(kind, "exec_timeout"))) {
    if (auto timeout = base::ParseDuration(*text); timeout && timeout->count() > 0) {
      run.timeout = *timeout;
    }
  }
  run.max_output = 0;
  run.max_errors = kMaxProgramErrors;
  return request;
}

std::string MessageInput(Runtime& rt, std::string_view kind) {
  std::optional<std::string> eol = rt.host().Setting(SettingName(kind, "input_eol"));
  bool crlf = !eol || !base::EqualsIgnoreCase(base::TrimWhitespace(*eol), "lf");
  return WithLineEnds(rt.message().bytes(), crlf);
}

std::string RunFailure(std::string_view verb, const ProgramRequest& request,
                       const base::Status& status) {
  return "failed to " + std::string(verb) + " program '" + request.name + "': " +
         status.message();
}

}  // namespace sieve::ext
