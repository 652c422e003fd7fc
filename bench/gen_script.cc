// sieve-gen-script N: prints a deterministic N-rule Sieve filter (bench/script_gen.h).
#include <charconv>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "bench/script_gen.h"

namespace {
constexpr int kExitUsage = 64;  // EX_USAGE

void Usage(std::FILE* out) {
  std::fprintf(out,
               "usage: sieve-gen-script N\n"
               "Prints a deterministic, realistic Sieve filter of N rules (1..10000000) to "
               "stdout.\n");
}
}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
    Usage(stdout);
    return 0;
  }
  if (argc != 2) {
    Usage(stderr);
    return kExitUsage;
  }
  std::string_view arg = argv[1];
  int rules = 0;
  auto [ptr, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), rules);
  if (ec != std::errc() || ptr != arg.data() + arg.size() || rules < 1 || rules > 10000000) {
    std::fprintf(stderr, "sieve-gen-script: bad rule count '%s'\n", argv[1]);
    Usage(stderr);
    return kExitUsage;
  }
  std::string script = bench::GenerateScript(rules);
  if (std::fwrite(script.data(), 1, script.size(), stdout) != script.size() ||
      std::fflush(stdout) != 0) {
    std::perror("sieve-gen-script: write");
    return 74;  // EX_IOERR
  }
  return 0;
}
