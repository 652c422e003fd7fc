#include "roost/settings_loader.h"

#include <iostream>
#include <vector>

namespace roost {
namespace {

void PrintWarnings(const std::vector<std::string>& warnings, const char* tool) {
  for (const std::string& warning : warnings) std::cerr << tool << ": warning: " << warning << "\n";
}

}  // namespace

base::Result<config::Settings> BuildSettings(config::Config config, const char* tool) {
  std::vector<std::string> warnings;
  auto settings = config::BuildSettings(std::move(config), &warnings);
  PrintWarnings(warnings, tool);
  return settings;
}

base::Result<config::Settings> LoadSettings(const ConfigSource& source, const char* tool,
                                            std::string* loaded) {
  std::vector<std::string> warnings;
  auto settings = config::LoadSettings(source, &warnings, loaded);
  PrintWarnings(warnings, tool);
  return settings;
}

}  // namespace roost
