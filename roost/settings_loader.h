// How every roost subcommand finds its configuration: -c FILE, else /etc/dovecot/dovecot.conf
// when it exists (Roost reads Dovecot's files as they are), else the embedded default; then
// the -o overrides; then validation. Warnings (unknown settings) go to stderr, once.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "config/settings.h"

namespace roost {

inline constexpr char kDovecotConfig[] = "/etc/dovecot/dovecot.conf";

struct ConfigSource {
  std::string path;                    // empty: the default search above
  std::vector<std::string> overrides;  // "-o key=value", in order
  std::string state_dir = "/var/lib/roost";  // for the embedded default
};

// Messages name file:line; `what_loaded` (may be nullptr) receives the file path or
// config::kEmbeddedDefaultName.
base::Result<config::Settings> LoadSettings(const ConfigSource& source, const char* tool,
                                            std::string* what_loaded = nullptr);

// Consumes "-c FILE" / "-o K=V" at argv[i] (advancing i); false if argv[i] is neither.
bool TakeConfigOption(int argc, char** argv, int& i, ConfigSource& source);

}  // namespace roost
