// vnd.dovecot.testsuite: the extension .svtest files require. Lives here, not in the engine:
// only the testsuite runner registers it (testsuite-spec §1).
#pragma once

#include <vector>

#include "sieve-lang/extension.h"

namespace testsuite {

const sieve::Extension& TestsuiteExtension();

// The engine's built-in extensions plus this one: what the runner's registry holds.
std::vector<const sieve::Extension*> RunnerExtensions();

}  // namespace testsuite
