// A TraceSink that writes Pigeonhole-style trace lines ("  3: header test") to a stream; the
// tools and the testsuite runner print traces with it.
#pragma once

#include <cstdio>
#include <optional>
#include <ostream>
#include <string>

#include "sieve-lang/trace.h"

namespace sieve {

class TracePrinter : public TraceSink {
 public:
  TracePrinter(std::ostream& out, TraceLevel level) : out_(out), level_(level) {}
  TraceLevel level() const override { return level_; }
  void Line(int line, int depth, std::string_view text) override {
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "%4d: ", line);
    out_ << prefix << std::string(static_cast<size_t>(depth) * 2, ' ') << text << "\n";
  }

 private:
  std::ostream& out_;
  TraceLevel level_;
};

// Parses "-T level=NAME" values: actions, commands, tests, matching. nullopt when unknown.
inline std::optional<TraceLevel> ParseTraceLevel(std::string_view spec) {
  if (spec.starts_with("level=")) spec.remove_prefix(6);
  if (spec == "actions") return TraceLevel::kActions;
  if (spec == "commands") return TraceLevel::kCommands;
  if (spec == "tests") return TraceLevel::kTests;
  if (spec == "matching") return TraceLevel::kMatching;
  return std::nullopt;
}

}  // namespace sieve
