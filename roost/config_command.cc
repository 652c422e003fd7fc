#include "roost/config_command.h"

#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "config/settings.h"
#include "roost/settings_loader.h"

namespace roost {
namespace {

constexpr int kExitOk = 0, kExitFailure = 1, kExitUsage = 64;

constexpr char kUsage[] =
    "Usage: roost config [-n] [-P] [-c FILE | --embedded] [-o KEY=VALUE]...\n"
    "\n"
    "Reads the Dovecot 2.3 style configuration with everything it includes, checks every\n"
    "setting against Dovecot's own list (types, defaults, where each may appear) and prints\n"
    "the effective configuration the way `doveconf` does: keys sorted, same-named sections\n"
    "merged, protocol/local/remote filters last, `<file` values shown as written.\n"
    "  -n          only what differs from Dovecot's defaults (`doveconf -n`): a top-level\n"
    "              setting set to its default value is left out; inside sections, what the\n"
    "              block says is shown. Without -n, every top-level setting is printed with\n"
    "              its value, and the sections with their defaults filled in.\n"
    "  -P          show secrets (settings ending in _password, _key, _nonce), which are\n"
    "              otherwise printed as \"# hidden, use -P to show it\", as doveconf does\n"
    "  -c FILE     the configuration file. Without -c: /etc/roost/roost.conf, else\n"
    "              /etc/dovecot/dovecot.conf, else the embedded default (loopback only,\n"
    "              Maildir, passwd-file users, unprivileged ports; `make run` uses it).\n"
    "  --embedded  the embedded default, even if a file exists\n"
    "  -o K=V      override a setting (path syntax: plugin/sieve_max_actions=10)\n"
    "\n"
    "Unknown settings are warnings on stderr (\"FILE:LINE: Unknown setting: NAME\") and do not\n"
    "change the exit status. A malformed value, or a known setting Roost cannot honour (such\n"
    "as mail_location = mbox:..., passdb { driver = pam }), is an error naming file and line.\n"
    "\n"
    "Exit status: 0 printed, 1 the configuration cannot be read or is invalid (message on\n"
    "stderr), 64 usage.\n";

struct Options {
  bool changed_only = false;
  bool show_secrets = false;
  ConfigSource source{.read_value_files = false};
};

// Parses argv into `options`; returns false (after printing why) on a bad argument.
bool ParseArgs(int argc, char** argv, Options& options) {
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-n") {
      options.changed_only = true;
    } else if (arg == "-P") {
      options.show_secrets = true;
    } else if (TakeConfigOption(argc, argv, i, options.source)) {
      continue;
    } else {
      std::cerr << "roost config: unknown or incomplete argument '" << arg << "'\n" << kUsage;
      return false;
    }
  }
  return true;
}

}  // namespace

int ConfigCommand(int argc, char** argv) {
  for (int i = 0; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--help" || std::string_view(argv[i]) == "-h") {
      std::cout << kUsage;
      return kExitOk;
    }
  }
  Options options;
  if (!ParseArgs(argc, argv, options)) return kExitUsage;
  std::string loaded;
  auto parsed = ReadConfig(options.source, &loaded);
  if (!parsed) {
    std::cerr << "roost config: " << parsed.error().message() << "\n";
    return kExitFailure;
  }
  for (const std::string& override : options.source.overrides) {
    base::Status applied = config::ApplyOverride(*parsed, override);
    if (!applied.ok()) {
      std::cerr << "roost config: -o " << override << ": " << applied.message() << "\n";
      return kExitUsage;
    }
  }
  auto settings = BuildSettings(std::move(*parsed), "roost config");
  if (!settings) {
    std::cerr << "roost config: " << settings.error().message() << "\n";
    return kExitFailure;
  }
  std::cout << "# roost config: " << loaded << "\n"
            << config::Dump(
                   *settings,
                   options.changed_only ? config::DumpScope::kChanged : config::DumpScope::kAll,
                   options.show_secrets);
  return kExitOk;
}

}  // namespace roost
