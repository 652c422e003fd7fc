// The commands on an authenticated user's scripts (RFC 5804 §2.6-2.12): HAVESPACE,
// PUTSCRIPT, LISTSCRIPTS, SETACTIVE, GETSCRIPT, DELETESCRIPT, RENAMESCRIPT, CHECKSCRIPT. They
// block (script storage fsyncs, scripts are compiled), so the session runs them on its pool;
// they touch nothing of the session but what they return.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "managesieved/command_reader.h"
#include "sieve-lang/sieve.h"
#include "storage/script_store.h"

namespace managesieved {

// Compiles scripts exactly as delivery will (the same engine).
struct ScriptChecker {
  const sieve::Engine& engine;
  size_t max_compile_errors = 5;  // managesieve_max_compile_errors
  size_t max_script_size = 1 << 20;
  // "" when `script` compiles (its warnings in `warnings`); else the errors with their line
  // numbers, at most max_compile_errors of them. As Pigeonhole lays them out: one per line,
  // each ended by CRLF, each prefixed "<name>: " when the script has a name (PUTSCRIPT,
  // SETACTIVE; not CHECKSCRIPT).
  std::string Check(const std::string& script, const std::string& name,
                    std::string& warnings) const;
};

struct ScriptReply {
  std::string text;     // the whole answer: data lines, then OK or NO
  bool bad = false;     // the command itself was wrong (counts toward the invalid-command limit)
  std::string log;      // a line for the session log, if any
};

ScriptReply RunScriptCommand(const Command& command, storage::ScriptStore& store,
                             const ScriptChecker& checker);

// The arguments of `command` when they are `count` strings, plus up to `optional` more.
std::optional<std::vector<std::string>> StringArguments(const Command& command, size_t count,
                                                        size_t optional = 0);

}  // namespace managesieved
