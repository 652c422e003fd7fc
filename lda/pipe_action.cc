#include "lda/pipe_action.h"

#include "sieve-lang/ext/extprograms/extprograms.h"

namespace lda {
namespace {

// What the program wrote to standard error, on one log line.
std::string OneLine(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

}  // namespace

base::Status CarryOutPipe(sieve::Host& host, const sieve::Action& pipe,
                          std::vector<const sieve::Action*>& failed_try,
                          std::vector<std::string>& log) {
  if (!pipe.program) return base::Status::Ok();
  base::Result<base::ProgramExit> exit = host.RunProgram(*pipe.program);
  if (exit && !exit->errors.empty()) {
    log.push_back("program '" + pipe.target + "' stderr: " + OneLine(exit->errors));
  }
  if (exit && exit->status == 0) {
    log.push_back("piped to program '" + pipe.target + "'");
    return base::Status::Ok();
  }
  std::string why = exit ? "exit status " + std::to_string(exit->status) : exit.error().message();
  std::string failure = sieve::ext::PipeFailure(pipe, why);
  if (pipe.pipe_try) {
    log.push_back(failure + " (:try, ignored)");
    failed_try.push_back(&pipe);
    return base::Status::Ok();
  }
  return base::Status::Temporary(failure);
}

}  // namespace lda
