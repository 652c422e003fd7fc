// What a script asks the embedder to run (vnd.dovecot.pipe, .filter, .execute;
// spec-bosch-sieve-extprograms): which administrator's directory, which program in it, and
// how (arguments, input, environment, time and output limits). The extension fills it in;
// Host::RunProgram finds the program and runs it.
#pragma once

#include <string>

#include "base/program_runner.h"

namespace sieve {

struct ProgramRequest {
  // "pipe", "filter" or "execute": the program comes from sieve_<kind>_bin_dir.
  std::string kind;
  // A valid program name (spec §3: no '/', no control characters); never a path.
  std::string name;
  // Everything but the path, which the host fills in once it found the program.
  base::ProgramRun run;
};

}  // namespace sieve
