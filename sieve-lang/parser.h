// Recursive-descent parser for RFC 5228 §8.2 with an explicit depth limit and error recovery:
// after an error it skips to the next ';' or '}' at the current level and continues, so one
// compile reports every syntax error.
#pragma once

#include <string_view>

#include "sieve-lang/ast.h"
#include "sieve-lang/diagnostic.h"
#include "sieve-lang/limits.h"

namespace sieve {

struct ParseOutput {
  Script script;            // whatever parsed; complete only when ok
  Diagnostics diagnostics;  // every lexical and syntax error, in source order
  bool ok = false;          // true when there were no errors
};

ParseOutput Parse(std::string_view source, const Limits& limits);

}  // namespace sieve
