#include "roost/settings_loader.h"

#include <unistd.h>

#include <cstring>
#include <iostream>

namespace roost {

base::Result<config::Settings> LoadSettings(const ConfigSource& source, const char* tool,
                                            std::string* what_loaded) {
  std::string path = source.path;
  if (path.empty() && access(kDovecotConfig, F_OK) == 0) path = kDovecotConfig;
  auto parsed = path.empty() ? config::LoadEmbeddedDefault(source.state_dir)
                             : config::ParseFile(path);
  if (!parsed) return base::Err(parsed.error());
  for (const std::string& override : source.overrides) {
    base::Status applied = config::ApplyOverride(*parsed, override);
    if (!applied.ok()) {
      return base::Err(base::Status::InvalidArgument("-o " + override + ": " + applied.message()));
    }
  }
  std::vector<std::string> warnings;
  auto settings = config::Settings::Build(std::move(*parsed), &warnings);
  for (const std::string& warning : warnings) std::cerr << tool << ": warning: " << warning << "\n";
  if (what_loaded != nullptr) *what_loaded = path.empty() ? config::kEmbeddedDefaultName : path;
  return settings;
}

bool TakeConfigOption(int argc, char** argv, int& i, ConfigSource& source) {
  if (i + 1 >= argc) return false;
  if (std::strcmp(argv[i], "-c") == 0) {
    source.path = argv[++i];
    return true;
  }
  if (std::strcmp(argv[i], "-o") == 0) {
    source.overrides.emplace_back(argv[++i]);
    return true;
  }
  return false;
}

}  // namespace roost
