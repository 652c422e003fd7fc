// How the tools and delivery find the scripts `include` names: Pigeonhole's file storage, "<name>.sieve" in
// the personal directory (`sieve_dir`, else the directory of the script being compiled) or in
// the global one (`sieve_global_dir`, or `sieve_global` without its "file:" prefix).
#pragma once

#include <map>
#include <string>

#include "sieve-lang/script_resolver.h"

namespace sieve {

class DirectoryScripts : public ScriptResolver {
 public:
  // `settings`: the plugin settings the tool applied; `script_path`: the script compiled.
  DirectoryScripts(const std::map<std::string, std::string>& settings,
                   const std::string& script_path);

  std::expected<std::optional<std::string>, std::string> ReadScript(
      ScriptLocation location, std::string_view name) const override;
  // The file `include` reads for (location, name); nullopt for a global script when no
  // global directory is configured.
  std::optional<std::string> PathOf(ScriptLocation location, std::string_view name) const;

 private:
  std::string personal_dir_;
  std::string global_dir_;  // empty: no global scripts configured
};

}  // namespace sieve
