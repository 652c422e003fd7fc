// libFuzzer target: arbitrary bytes through lexer, parser, validator and code generator.
// Whatever compiles must load back from its own bytes and run without error-path surprises.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sieve-lang/fuzz/fuzz_fixture.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const sieve::Engine& engine = sieve::fuzz::FuzzEngine();
  std::string_view source(reinterpret_cast<const char*>(data), size);
  sieve::CompileOutput out = engine.Compile(source, "fuzz");
  if (!out.program) {
    // A failed compile always says why.
    if (out.diagnostics.empty()) std::abort();
    return 0;
  }
  auto reloaded = engine.Load(out.program->bytes());
  if (!reloaded) std::abort();  // the compiler wrote something its own loader rejects
  // The compiler builds its instruction list itself; loading must arrive at the same one.
  if (reloaded->Disassemble() != out.program->Disassemble()) std::abort();
  sieve::fuzz::ExecuteOnFixedMessage(*reloaded);
  return 0;
}
