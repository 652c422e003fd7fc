// Carrying out vnd.dovecot.pipe at delivery (spec-bosch-sieve-extprograms §5): the program gets
// the message on its input and must exit with status 0. A failing program makes the delivery a
// temporary failure (nothing lost: the MTA retries), unless the script said :try; then it is
// logged and the pipe counts as never taken, so it does not cancel the implicit keep.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "sieve-lang/host.h"
#include "sieve-lang/result.h"

namespace lda {

// `failed_try` collects the pipes with :try that failed; `log` gets one line per outcome.
base::Status CarryOutPipe(sieve::Host& host, const sieve::Action& pipe,
                          std::vector<const sieve::Action*>& failed_try,
                          std::vector<std::string>& log);

}  // namespace lda
