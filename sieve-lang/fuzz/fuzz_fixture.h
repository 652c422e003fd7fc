// What both fuzz targets share: one engine with every extension enabled, and a fixed message
// and envelope to run whatever program survives loading, so the interpreter is fuzzed too.
#pragma once

#include "mail/message.h"
#include "sieve-lang/sieve.h"

namespace sieve::fuzz {

const Engine& FuzzEngine();

// Executes `program` on the fixed message; aborts when an invariant users rely on breaks
// (a runtime error must still keep the message, RFC 5228 §2.10.6).
void ExecuteOnFixedMessage(const Program& program);

}  // namespace sieve::fuzz
