// Runs one .svtest file the way Pigeonhole's testsuite does (testsuite-spec §2): compile,
// execute once top to bottom, print per-test lines and the PASS/FAIL summary.
#pragma once

#include <cstdio>
#include <optional>
#include <string>

#include "sieve-lang/trace.h"

namespace testsuite {

struct RunOptions {
  std::string path;
  bool expect_failure = false;            // -F
  std::optional<std::string> extensions;  // -x
  std::string plugins;                    // -P, as sieve_plugins lists them
  std::optional<std::string> dump_file;   // -d ("-" = stdout)
  std::optional<std::string> trace_file;  // -t ("-" = stdout)
  sieve::TraceLevel trace_level = sieve::TraceLevel::kActions;
};

// Exit status: 0 PASS, 1 FAIL, 89 when the run could not happen at all (unreadable file).
int RunFile(const RunOptions& options, std::FILE* out, std::FILE* err);

}  // namespace testsuite
