// One compile of a script together with every script it includes (RFC 6609): the included
// scripts are found through the ScriptResolver, compiled once each and kept in a table that
// becomes the top-level program's include section. Checks circular includes, the nesting
// depth and the number of included scripts. Not thread-safe; lives for one Engine::Compile.
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sieve-lang/diagnostic.h"
#include "sieve-lang/limits.h"
#include "sieve-lang/program.h"
#include "sieve-lang/registry.h"
#include "sieve-lang/script_resolver.h"

namespace sieve {

class CompileUnit {
 public:
  // `resolver` may be null: every include is then an error (no script storage).
  // `implicit`: extensions every script of the unit has without require.
  CompileUnit(const Registry& registry, const ExtensionSet& enabled,
              const std::vector<const Extension*>& implicit, const Limits& limits,
              const ScriptResolver* resolver, Diagnostics* diagnostics);
  CompileUnit(const CompileUnit&) = delete;
  CompileUnit& operator=(const CompileUnit&) = delete;

  // Compiles one script of the unit at include depth `depth` (0: the top level), reporting
  // its problems to the diagnostics. On failure returns the summary line the top level adds
  // ("parse failed", "validation failed"; empty when the reported error says it all).
  std::expected<Program, std::string> CompileScript(std::string_view source,
                                                    std::string_view name, size_t depth);

  // Makes script `name` at `location` part of the unit for an include command in a script at
  // `depth`. Returns the error to report at that command; a missing :optional script is not
  // an error (it is left out, and the command does nothing at run time).
  std::optional<std::string> Include(ScriptLocation location, std::string_view name, bool once,
                                     bool optional, size_t depth);

  // The included scripts, in the order their compiles started.
  std::vector<IncludedScript> TakeIncluded();

 private:
  struct Entry {
    ScriptLocation location;
    std::string name;
    std::shared_ptr<const Program> program;  // set once compiled
    bool active = true;                      // being compiled (an include chain reaches it)
  };

  const Registry& registry_;
  const ExtensionSet& enabled_;
  const std::vector<const Extension*>& implicit_;
  const Limits& limits_;
  const ScriptResolver* resolver_;
  Diagnostics* diagnostics_;
  std::vector<Entry> entries_;
};

}  // namespace sieve
