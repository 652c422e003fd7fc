// Pigeonhole's script sequence for one delivery: sieve_before, sieve_before2, ... (each a
// file or a directory of *.sieve run in name order), then the user's active script (the
// `sieve` setting: "file:~/sieve;active=~/.dovecot.sieve" or a plain path), else
// sieve_default, then sieve_after, sieve_after2, ... Scripts are compiled once and their
// binaries (.svbin beside the script) reused while newer than the source; a stale or missing
// binary is recompiled and saved when the directory is writable.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "sieve-lang/sieve.h"

namespace lda {

struct ChainScript {
  std::string path;          // the .sieve source
  bool global = false;       // before/after/default: an admin's script
  bool personal = false;     // the user's own (its errors go to the user's log)
  std::shared_ptr<const sieve::Program> program;  // null when it failed to compile
  std::string errors;        // compile errors, one per line, when program is null
};

// The paths of the chain for a user, from the plugin settings (`~` is `home`). Missing
// files are left out (Pigeonhole: a missing before-script is not an error).
struct ChainPaths {
  std::vector<std::string> before;
  std::optional<std::string> personal;  // the active script, when the user has one
  std::optional<std::string> fallback;  // sieve_default, used when there is no personal one
  std::vector<std::string> after;
  std::string user_log;  // where the user's script errors go
  // For `include`: sieve_dir, sieve_global_dir and sieve_global with `~` expanded.
  std::map<std::string, std::string> include_settings;
};
ChainPaths FindChain(const std::map<std::string, std::string>& plugin, const std::string& home);

// Compiles (or loads the binary of) each script of `paths`, in order.
std::vector<ChainScript> LoadChain(const sieve::Engine& engine, const ChainPaths& paths);

// The binary path Pigeonhole uses for a script: "x.sieve" -> "x.svbin", else + ".svbin".
std::string BinaryPath(const std::string& script_path);

}  // namespace lda
