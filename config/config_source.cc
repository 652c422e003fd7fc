#include "config/config_source.h"

#include <cstring>
#include <filesystem>

namespace config {
namespace {

constexpr const char* kDefaultConfigs[] = {"/etc/roost/roost.conf", "/etc/dovecot/dovecot.conf"};

}  // namespace

std::optional<std::string> ChooseConfigFile(const ConfigSource& source) {
  if (source.embedded) return std::nullopt;
  if (source.path) return source.path;
  for (const char* candidate : kDefaultConfigs) {
    std::error_code ignored;  // unreadable counts as absent: fall through to the next
    if (std::filesystem::exists(candidate, ignored)) return candidate;
  }
  return std::nullopt;
}

base::Result<Config> ReadConfig(const ConfigSource& source, std::string* loaded) {
  std::optional<std::string> path = ChooseConfigFile(source);
  if (loaded != nullptr) *loaded = path ? *path : "embedded default";
  if (!path) return LoadEmbeddedDefault(source.state_dir);
  return ParseFile(*path, {.read_value_files = source.read_value_files});
}

base::Result<Settings> BuildSettings(Config config, std::vector<std::string>* warnings) {
  return Settings::Build(std::move(config), warnings);
}

base::Result<Settings> LoadSettings(const ConfigSource& source,
                                    std::vector<std::string>* warnings, std::string* loaded) {
  auto parsed = ReadConfig(source, loaded);
  if (!parsed) return base::Err(parsed.error());
  for (const std::string& override : source.overrides) {
    base::Status applied = ApplyOverride(*parsed, override);
    if (!applied.ok()) {
      return base::Err(base::Status::InvalidArgument("-o " + override + ": " + applied.message()));
    }
  }
  return BuildSettings(std::move(*parsed), warnings);
}

bool TakeConfigOption(int argc, char** argv, int& i, ConfigSource& source) {
  if (std::strcmp(argv[i], "--embedded") == 0) {
    source.embedded = true;
    return true;
  }
  if (i + 1 >= argc) return false;
  if (std::strcmp(argv[i], "-c") == 0) {
    source.path = argv[++i];
    return true;
  }
  if (std::strcmp(argv[i], "-o") == 0) {
    source.overrides.emplace_back(argv[++i]);
    return true;
  }
  if (std::strcmp(argv[i], "--state-dir") == 0) {
    source.state_dir = argv[++i];
    return true;
  }
  return false;
}

}  // namespace config
