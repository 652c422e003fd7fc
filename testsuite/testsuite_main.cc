// testsuite: runs one Pigeonhole-format .svtest file (testsuite-spec §2).
#include <cstdio>
#include <cstring>
#include <string>

#include "sieve-lang/trace_printer.h"
#include "testsuite/runner.h"

namespace {

constexpr int kExitUsage = 64;

constexpr char kUsage[] =
    "Usage: testsuite [--help] [-F] [-x EXTS] [-P PLUGIN] [-d DUMP] [-t TRACE] [-T level=LEVEL]\n"
    "                 [-W DIR] [-E] [-D]\n"
    "                 FILE.svtest\n"
    "Runs one Sieve conformance test file (vnd.dovecot.testsuite) and prints one line per\n"
    "test, then PASS or FAIL. Exit status: 0 PASS, 1 FAIL, 64 usage, 89 unreadable file.\n"
    "  -F        expect failure: pass only if every started test failed\n"
    "  -x EXTS   adjust the enabled extensions (sieve_extensions syntax: \"+a -b\")\n"
    "  -d FILE   write the test script's disassembly to FILE (- for stdout)\n"
    "  -t FILE   write a runtime trace to FILE (- for stdout); -T level=actions|commands|\n"
    "            tests|matching chooses how much\n"
    "  -W DIR    work directory (accepted for compatibility; temporary files go to $TMPDIR)\n"
    "  -E, -D    accepted for compatibility (log echo, debug)\n"
    "  -P NAME   load a Sieve plugin (sieve_extprograms; a path to it is accepted too)\n";

}  // namespace

int main(int argc, char** argv) {
  testsuite::RunOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](const char* flag) -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "testsuite: %s needs a value (see --help)\n", flag);
        std::exit(kExitUsage);
      }
      return argv[++i];
    };
    if (arg == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (arg == "-F") {
      options.expect_failure = true;
    } else if (arg == "-x") {
      options.extensions = value("-x");
    } else if (arg == "-d") {
      options.dump_file = value("-d");
    } else if (arg == "-t") {
      options.trace_file = value("-t");
    } else if (arg == "-T") {
      const char* level = value("-T");
      auto parsed = sieve::ParseTraceLevel(level);
      if (!parsed) {
        std::fprintf(stderr, "testsuite: unknown trace option '%s'\n", level);
        return kExitUsage;
      }
      options.trace_level = *parsed;
    } else if (arg == "-W") {
      value("-W");
    } else if (arg == "-E" || arg == "-D") {
    } else if (arg == "-P") {
      // Pigeonhole's testsuite takes the plugin's module path; its last part names it.
      std::string plugin = value("-P");
      plugin = plugin.substr(plugin.find_last_of('/') + 1);
      if (plugin.starts_with("lib")) plugin.erase(0, 3);
      if (plugin.ends_with(".so")) plugin.resize(plugin.size() - 3);
      if (plugin != "sieve_extprograms") {
        std::fprintf(stderr, "testsuite: plugin '%s' is not available in this build\n",
                     plugin.c_str());
        return kExitUsage;
      }
      options.plugins += (options.plugins.empty() ? "" : " ") + plugin;
    } else if (!arg.empty() && arg[0] == '-') {
      std::fprintf(stderr, "testsuite: unknown option '%s' (see --help)\n", arg.c_str());
      return kExitUsage;
    } else if (options.path.empty()) {
      options.path = arg;
    } else {
      std::fprintf(stderr, "testsuite: only one test file per run (got '%s' too)\n",
                   arg.c_str());
      return kExitUsage;
    }
  }
  if (options.path.empty()) {
    std::fprintf(stderr, "testsuite: no test file given (see --help)\n");
    return kExitUsage;
  }
  return testsuite::RunFile(options, stdout, stderr);
}
