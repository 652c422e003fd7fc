// A TraceSink that writes Pigeonhole-style trace lines ("  3: header test") to a stream.
#pragma once

#include <cstdio>
#include <ostream>
#include <string>

#include "sieve-lang/trace.h"

namespace tools {

class TracePrinter : public sieve::TraceSink {
 public:
  TracePrinter(std::ostream& out, sieve::TraceLevel level) : out_(out), level_(level) {}
  sieve::TraceLevel level() const override { return level_; }
  void Line(int line, int depth, std::string_view text) override {
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "%4d: ", line);
    out_ << prefix << std::string(static_cast<size_t>(depth) * 2, ' ') << text << "\n";
  }

 private:
  std::ostream& out_;
  sieve::TraceLevel level_;
};

// Parses "-T level=NAME" values: actions, commands, tests, matching. nullopt when unknown.
inline std::optional<sieve::TraceLevel> ParseTraceLevel(std::string_view spec) {
  if (spec.starts_with("level=")) spec.remove_prefix(6);
  if (spec == "actions") return sieve::TraceLevel::kActions;
  if (spec == "commands") return sieve::TraceLevel::kCommands;
  if (spec == "tests") return sieve::TraceLevel::kTests;
  if (spec == "matching") return sieve::TraceLevel::kMatching;
  return std::nullopt;
}

}  // namespace tools
