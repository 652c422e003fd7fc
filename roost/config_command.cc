#include "roost/config_command.h"

#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "config/config.h"

namespace roost {
namespace {

constexpr int kExitOk = 0, kExitFailure = 1, kExitUsage = 64;
constexpr char kDefaultConfig[] = "/etc/dovecot/dovecot.conf";

constexpr char kUsage[] =
    "Usage: roost config [-n] [-c FILE] [-o KEY=VALUE]...\n"
    "\n"
    "Reads the Dovecot 2.3 style configuration FILE (default /etc/dovecot/dovecot.conf) with\n"
    "everything it includes, and prints the settings it sets, section by section, the way\n"
    "`doveconf -n` shows them: a later line for the same key wins, `<file` values are shown\n"
    "as written, `$variable` references expanded. Errors name the file and line.\n"
    "  -n        only the settings the files set (this build prints nothing else: the typed\n"
    "            settings with Dovecot's defaults come with the configuration issue)\n"
    "  -c FILE   the configuration file\n"
    "  -o K=V    override a setting (path syntax: plugin/sieve_max_actions=10)\n"
    "\n"
    "Exit status: 0 printed, 1 the configuration cannot be read (message on stderr), 64 usage.\n";

std::string Quoted(const std::string& value) {
  // doveconf quotes values with leading/trailing spaces so they survive re-reading.
  bool needs = !value.empty() && (value.front() == ' ' || value.back() == ' ');
  return needs ? "\"" + value + "\"" : value;
}

bool IsEmpty(const config::Section& section) {
  if (!section.settings.empty()) return false;
  for (const config::Section& child : section.children) {
    if (!IsEmpty(child)) return false;
  }
  return true;
}

void Print(const config::Section& section, int depth) {
  const std::string indent(static_cast<size_t>(depth) * 2, ' ');
  // The last line for a key wins; print each key once, where it was last set.
  std::vector<const config::Setting*> effective;
  std::set<std::string> seen;
  for (auto it = section.settings.rbegin(); it != section.settings.rend(); ++it) {
    if (seen.insert(it->key).second) effective.insert(effective.begin(), &*it);
  }
  for (const config::Setting* s : effective) {
    std::cout << indent << s->key << " = "
              << (s->value_file.empty()
                      ? Quoted(s->value)
                      : "<" + std::filesystem::path(s->value_file).lexically_normal().string())
              << "\n";
  }
  for (const config::Section& child : section.children) {
    if (IsEmpty(child)) continue;  // doveconf -n leaves out sections that set nothing
    std::cout << indent << child.type << (child.name.empty() ? "" : " " + child.name) << " {\n";
    Print(child, depth + 1);
    std::cout << indent << "}\n";
  }
}

}  // namespace

int ConfigCommand(int argc, char** argv) {
  std::string path = kDefaultConfig;
  std::vector<std::string> overrides;
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return kExitOk;
    } else if (arg == "-n") {
      continue;
    } else if ((arg == "-c" || arg == "-o") && i + 1 < argc) {
      (arg == "-c" ? path : overrides.emplace_back()) = argv[++i];
    } else {
      std::cerr << "roost config: unknown or incomplete argument '" << arg << "'\n" << kUsage;
      return kExitUsage;
    }
  }
  auto parsed = config::ParseFile(path, {.read_value_files = false});
  if (!parsed) {
    std::cerr << "roost config: " << parsed.error().message() << "\n";
    return kExitFailure;
  }
  for (const std::string& override : overrides) {
    base::Status applied = config::ApplyOverride(*parsed, override);
    if (!applied.ok()) {
      std::cerr << "roost config: -o " << override << ": " << applied.message() << "\n";
      return kExitUsage;
    }
  }
  std::cout << "# roost config: " << path << "\n";
  Print(parsed->root, 0);
  return kExitOk;
}

}  // namespace roost
