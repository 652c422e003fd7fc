// sieve-dump: print the disassembly of a compiled Sieve binary (Pigeonhole's tool of the same
// name), with the bytes of each instruction under -h.
#include <iostream>

#include "base/fs.h"
#include "sievec/tool_options.h"

namespace {

constexpr char kUsage[] =
    "Usage: sieve-dump [-c CONFIG] [-o key=value] [-x EXTENSIONS] [-D] [-h] BINARY [OUT-FILE]\n"
    "\n"
    "Prints the disassembly of a compiled Sieve binary (.svbin): its extensions and every\n"
    "instruction with its byte offset and script line.\n"
    "\n"
    "  -h             also print each instruction's bytes in hex\n"
    "  --help         show this help\n"
    "\n"
    "Exit status: 0 printed, 1 unreadable or corrupt binary, 64 usage error,\n"
    "75 could not write the output.\n";

}  // namespace

int main(int argc, char** argv) {
  tools::CommonOptions common;
  bool hex = false;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    std::string error;
    if (arg == "--help") {
      std::cout << kUsage;
      return tools::kExitOk;
    }
    if (tools::ParseCommonOption(argc, argv, i, common, error)) {
      if (!error.empty()) {
        std::cerr << "sieve-dump: " << error << "\n" << kUsage;
        return tools::kExitUsage;
      }
    } else if (arg == "-h") {
      hex = true;
    } else if (arg.size() > 1 && arg[0] == '-') {
      std::cerr << "sieve-dump: unknown option " << arg << "\n" << kUsage;
      return tools::kExitUsage;
    } else {
      positional.emplace_back(arg);
    }
  }
  if (positional.empty() || positional.size() > 2) {
    std::cerr << "sieve-dump: expected a binary and an optional output file\n" << kUsage;
    return tools::kExitUsage;
  }
  sieve::Options options;
  if (auto err = tools::BuildEngineOptions(common, options)) {
    std::cerr << "sieve-dump: " << *err << "\n";
    return tools::kExitUsage;
  }
  sieve::Engine engine(sieve::BuiltinRegistry(), options);
  auto bytes = tools::ReadInput("sieve-dump", positional[0]);
  if (!bytes) return tools::kExitFailure;
  auto program = engine.Load(*bytes);
  if (!program) {
    std::cerr << "sieve-dump: " << positional[0] << ": " << program.error().message() << "\n";
    return tools::kExitFailure;
  }
  std::string text = program->Disassemble(hex);
  if (positional.size() < 2 || positional[1] == "-") {
    std::cout << text;
    return tools::kExitOk;
  }
  base::Status st = base::WriteFileAtomic(positional[1], text);
  if (!st.ok()) {
    std::cerr << "sieve-dump: " << st.message() << "\n";
    return tools::kExitTempFail;
  }
  return tools::kExitOk;
}
