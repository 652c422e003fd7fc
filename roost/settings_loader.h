// config/config_source.h for the roost commands: the same search and overrides, with the
// warnings (unknown settings) printed on stderr as "<tool>: warning: ...".
#pragma once

#include <string>

#include "config/config_source.h"

namespace roost {

using config::ConfigSource;
using config::ReadConfig;
using config::TakeConfigOption;

base::Result<config::Settings> BuildSettings(config::Config config, const char* tool);
base::Result<config::Settings> LoadSettings(const ConfigSource& source, const char* tool,
                                            std::string* loaded = nullptr);

}  // namespace roost
