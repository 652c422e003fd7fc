// Runtime trace for sieve-test -t (Pigeonhole's trace levels). The sink decides where lines go.
#pragma once

#include <string_view>

namespace sieve {

enum class TraceLevel { kNone = 0, kActions = 1, kCommands = 2, kTests = 3, kMatching = 4 };

class TraceSink {
 public:
  virtual ~TraceSink() = default;
  virtual TraceLevel level() const = 0;
  // One trace line: `line` is the script line (0 when none), `depth` the indentation level.
  virtual void Line(int line, int depth, std::string_view text) = 0;
};

}  // namespace sieve
