// The VM loop: runs a Program's instructions against a Runtime with a step budget
// (Limits::max_program_steps). A runtime error stops the run; the caller then falls back to
// the implicit keep (RFC 5228 §2.10.6).
#pragma once

#include <optional>

#include "sieve-lang/diagnostic.h"
#include "sieve-lang/extension.h"
#include "sieve-lang/program.h"
#include "sieve-lang/runtime.h"

namespace sieve {

struct RunError {
  SourceLocation location;
  std::string message;
};

// Executes `program`; nullopt on success (including `stop`), otherwise the first error.
std::optional<RunError> Interpret(const Program& program, Runtime& runtime);

}  // namespace sieve
