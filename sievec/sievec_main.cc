// sievec: compile Sieve scripts to .svbin (Pigeonhole's tool of the same name), so that global
// scripts can be precompiled where delivery may not write.
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <iostream>

#include "base/fs.h"
#include "sieve-lang/directory_scripts.h"
#include "sievec/tool_options.h"

namespace {

constexpr char kUsage[] =
    "Usage: sievec [-c CONFIG] [-o key=value] [-x EXTENSIONS] [-D] [-d] [--json]\n"
    "              SCRIPT-FILE|DIRECTORY [OUT-FILE]\n"
    "\n"
    "Compiles a Sieve script into a binary (.svbin beside the script by default).\n"
    "With a directory, compiles every *.sieve file in it and goes on after errors.\n"
    "\n"
    "  -c CONFIG      read Pigeonhole settings (plugin { }) from a Dovecot-style file\n"
    "  -o key=value   override a setting, e.g. -o sieve_max_script_size=2M\n"
    "  -x EXTENSIONS  change the available extensions, e.g. -x \"-fileinto +copy\"\n"
    "  -D             debug output\n"
    "  -d             write a disassembly instead of a binary (stdout without OUT-FILE)\n"
    "  --json         print diagnostics as JSON objects on stdout, one per line\n"
    "  -h, --help     show this help\n"
    "\n"
    "Exit status: 0 compiled, 1 script error or unreadable input, 64 usage error,\n"
    "75 could not write the output (temporary failure).\n";

struct Flags {
  tools::CommonOptions common;
  bool dump = false;
  bool json = false;
  std::vector<std::string> positional;
  std::map<std::string, std::string> settings;  // applied plugin settings (include dirs)
};

std::string BinaryPathFor(const std::string& script) {
  if (script.size() > 6 && script.ends_with(".sieve")) {
    return script.substr(0, script.size() - 6) + ".svbin";
  }
  return script + ".svbin";
}

// Compiles one script; returns an exit code.
int CompileOne(const sieve::Engine& engine, const Flags& flags, const std::string& script,
               std::string out) {
  auto source = tools::ReadInput("sievec", script);
  if (!source) return tools::kExitFailure;
  const sieve::DirectoryScripts scripts(flags.settings, script);
  sieve::CompileOutput result = engine.Compile(*source, script, &scripts);
  tools::PrintDiagnostics(script, result.diagnostics, flags.json);
  if (!result.program) {
    std::cerr << "sievec: failed to compile sieve script '" << script << "'\n";
    return tools::kExitFailure;
  }
  if (flags.dump) {
    std::string text = result.program->Disassemble();
    if (out.empty() || out == "-") {
      std::cout << text;
      return tools::kExitOk;
    }
    base::Status st = base::WriteFileAtomic(out, text);
    if (!st.ok()) std::cerr << "sievec: " << st.message() << "\n";
    return st.ok() ? tools::kExitOk : tools::kExitTempFail;
  }
  if (out.empty()) out = BinaryPathFor(script);
  base::Status st = base::WriteFileAtomic(out, result.program->bytes());
  if (!st.ok()) {
    std::cerr << "sievec: failed to save binary: " << st.message() << "\n";
    return tools::kExitTempFail;
  }
  if (flags.common.debug) std::cerr << "sievec: wrote " << out << "\n";
  return tools::kExitOk;
}

int CompileDirectory(const sieve::Engine& engine, const Flags& flags, const std::string& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) {
    std::cerr << "sievec: cannot open directory " << dir << ": " << std::strerror(errno) << "\n";
    return tools::kExitFailure;
  }
  std::vector<std::string> scripts;
  while (dirent* entry = ::readdir(d)) {
    std::string name = entry->d_name;
    if (name.size() > 6 && name.ends_with(".sieve")) scripts.push_back(dir + "/" + name);
  }
  ::closedir(d);
  std::sort(scripts.begin(), scripts.end());
  int worst = tools::kExitOk;
  size_t done = 0;
  for (const std::string& script : scripts) {
    int rc = CompileOne(engine, flags, script, "");
    std::cerr << "sievec: [" << ++done << "/" << scripts.size() << "] " << script
              << (rc == tools::kExitOk ? ": ok" : ": FAILED") << "\n";
    worst = std::max(worst, rc);
  }
  return worst;
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    std::string error;
    if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return tools::kExitOk;
    }
    if (tools::ParseCommonOption(argc, argv, i, flags.common, error)) {
      if (!error.empty()) {
        std::cerr << "sievec: " << error << "\n" << kUsage;
        return tools::kExitUsage;
      }
    } else if (arg == "-d") {
      flags.dump = true;
    } else if (arg == "--json") {
      flags.json = true;
    } else if (arg.size() > 1 && arg[0] == '-') {
      std::cerr << "sievec: unknown option " << arg << "\n" << kUsage;
      return tools::kExitUsage;
    } else {
      flags.positional.emplace_back(arg);
    }
  }
  if (flags.positional.empty() || flags.positional.size() > 2) {
    std::cerr << "sievec: expected a script (or directory) and an optional output file\n"
              << kUsage;
    return tools::kExitUsage;
  }
  sieve::Options options;
  if (auto err = tools::BuildEngineOptions(flags.common, options, &flags.settings)) {
    std::cerr << "sievec: " << *err << "\n";
    return tools::kExitUsage;
  }
  sieve::Engine engine(sieve::BuiltinRegistry(), options);
  for (const std::string& w : engine.config_warnings()) std::cerr << "sievec: warning: " << w << "\n";
  const std::string& input = flags.positional[0];
  struct stat st {};
  if (::stat(input.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    if (flags.positional.size() > 1) {
      std::cerr << "sievec: an output file cannot be given with a directory\n";
      return tools::kExitUsage;
    }
    return CompileDirectory(engine, flags, input);
  }
  return CompileOne(engine, flags, input, flags.positional.size() > 1 ? flags.positional[1] : "");
}
