// Command-line handling shared by sievec, sieve-dump and sieve-test: Pigeonhole's common
// options (-c CONFIG, -o key=value, -x EXTS, -D, --help), exit codes, and diagnostics printed
// in Pigeonhole's form. Process-edge code: it prints and exits.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sieve-lang/sieve.h"

namespace tools {

// sysexits-style codes the tools promise (README "Exit codes").
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // script error, corrupt binary, missing input
inline constexpr int kExitUsage = 64;
inline constexpr int kExitTempFail = 75;  // could not write output; try again

struct CommonOptions {
  std::string config_file;                // -c
  std::vector<std::string> overrides;     // -o key=value
  std::optional<std::string> extensions;  // -x
  bool debug = false;                     // -D
};

// Tries to consume a common option at argv[i] (advancing i past its value). Returns false if
// argv[i] is not a common option; sets `error` when its value is missing.
bool ParseCommonOption(int argc, char** argv, int& i, CommonOptions& common,
                       std::string& error);

// Builds engine options: tools enable every registered extension (as Pigeonhole's do), then
// apply the config file's plugin {} settings, -o overrides and -x. Unknown settings are fine.
// Returns an error message on an unreadable config or a bad value.
// `settings` (optional) receives every key/value applied, for what the engine does not own
// (sieve_dir, sieve_global_dir for include).
std::optional<std::string> BuildEngineOptions(const CommonOptions& common,
                                              sieve::Options& options,
                                              std::map<std::string, std::string>* settings =
                                                  nullptr);

// Prints diagnostics as "<script>: line N: error: message" (Pigeonhole's form) to stderr, or
// as one JSON object per line to stdout when `json`.
void PrintDiagnostics(const std::string& script, const sieve::Diagnostics& diagnostics,
                      bool json);

std::string JsonEscape(std::string_view s);

// Reads a whole file; on failure prints "<tool>: <path>: <reason>" and returns nullopt.
std::optional<std::string> ReadInput(const char* tool, const std::string& path);

}  // namespace tools
