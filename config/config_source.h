// Where every Roost program finds its configuration: -c FILE, else the first of
// /etc/roost/roost.conf and /etc/dovecot/dovecot.conf that exists (Roost reads Dovecot's
// files as they are), else the embedded default; then the -o overrides; then validation.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "config/config.h"
#include "config/settings.h"

namespace config {

struct ConfigSource {
  std::optional<std::string> path;     // -c
  bool embedded = false;               // --embedded: ignore the files in /etc
  std::vector<std::string> overrides;  // "-o key=value", in order
  std::string state_dir = "/var/lib/roost";  // for the embedded default
  // Off for `roost config`: `<file` values are shown as written, not read (doveconf).
  bool read_value_files = true;
};

// The file ChooseConfig picked, or nullopt for the embedded default.
std::optional<std::string> ChooseConfigFile(const ConfigSource& source);

// Parses the chosen configuration (without the overrides). `loaded` (may be nullptr)
// receives the file path or "embedded default".
base::Result<Config> ReadConfig(const ConfigSource& source, std::string* loaded = nullptr);

// Validates `config`, appending each warning (unknown settings) to `warnings` (may be null).
base::Result<Settings> BuildSettings(Config config, std::vector<std::string>* warnings);

// ReadConfig, the overrides, BuildSettings: what the daemon and the admin commands use.
base::Result<Settings> LoadSettings(const ConfigSource& source,
                                    std::vector<std::string>* warnings,
                                    std::string* loaded = nullptr);

// Consumes "-c FILE", "-o K=V", "--embedded" or "--state-dir DIR" at argv[i] (advancing i);
// false if argv[i] is none of them.
bool TakeConfigOption(int argc, char** argv, int& i, ConfigSource& source);

}  // namespace config
