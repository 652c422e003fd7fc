// vnd.dovecot.pipe, vnd.dovecot.filter and vnd.dovecot.execute (spec-bosch-sieve-extprograms,
// Pigeonhole's sieve_extprograms plugin): the commands, listed by extension.cc, and what they
// share: the program name and argument rules (§3, §4), checked at compile time for literals and
// again when the command runs, and the request the host runs (program_request.cc).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sieve-lang/extension.h"
#include "sieve-lang/program_request.h"
#include "sieve-lang/result.h"

namespace sieve {
class Runtime;
class ValidationContext;
struct Node;
}  // namespace sieve

namespace sieve::ext {

// The plugin name Pigeonhole loads these extensions with (sieve_plugins).
inline constexpr std::string_view kExtprogramsPlugin = "sieve_extprograms";

const CommandDef& PipeCommand();
const CommandDef& FilterCommand();
const CommandDef& FilterTest();
const CommandDef& ExecuteCommand();
const CommandDef& ExecuteTest();

// §3: UTF-8 Net-Unicode without control characters (U+0000-001F, U+007F-009F), '/', U+2028 and
// U+2029; 1 to kMaxProgramNameChars characters; not "." or "..".
bool IsValidProgramName(std::string_view name);
// §4 (the MAY): no control character but HTAB (CR and LF above all), at most
// kMaxProgramArgumentSize octets.
bool IsValidProgramArgument(std::string_view arg);

// Every command has the program name as its first positional argument and the optional
// argument list as its second.
// Compile-time checks of both: a literal is checked now, one with variables when it runs;
// the name MUST be constant (§3). `what` is "pipe action", "filter action", ... for messages.
bool ValidateProgram(ValidationContext& ctx, const Node& node, std::string_view what);
// The same checks on the run-time values; the error message, if any.
std::optional<std::string> CheckProgram(const Operands& ops, std::string_view what);

// The request for program `kind` ("pipe", "filter", "execute") named by the operands, with
// sieve_<kind>_exec_timeout and the envelope in the environment (SENDER, RECIPIENT,
// ORIG_RECIPIENT); no input, and any output dropped, until the caller says otherwise.
ProgramRequest BuildProgramRequest(Runtime& rt, std::string_view kind, const Operands& ops);
// The current message as program input, with the line ends sieve_<kind>_input_eol asks for
// (crlf by default, as RFC 5322 and Sieve have them; or lf).
std::string MessageInput(Runtime& rt, std::string_view kind);
// "failed to <verb> program 'name': why" for a program that could not run to its end.
std::string RunFailure(std::string_view verb, const ProgramRequest& request,
                       const base::Status& status);
// Spec §5: a pipe :try whose program failed is as if never triggered and MUST NOT cancel
// the implicit keep. Whether the keep applies after carrying out `actions`, the `failed` ones
// (failed pipes with :try) left out.
bool ImplicitKeepAfterFailedPipes(const std::vector<Action>& actions,
                                  const std::vector<const Action*>& failed);
// The line a failed pipe logs: "failed to pipe message to program 'name': why".
std::string PipeFailure(const Action& pipe, std::string_view why);
// `text` with every line end as CRLF, or as LF when `crlf` is false.
std::string WithLineEnds(std::string_view text, bool crlf);

}  // namespace sieve::ext
