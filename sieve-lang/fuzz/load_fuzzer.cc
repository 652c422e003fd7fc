// libFuzzer target: program loading. Random bytes almost never carry a valid checksum, so an
// input whose first byte has the high bit set is framed first: the rest is taken as the
// payload (extension table, script name, code) and gets a correct header and checksum. That
// sends the fuzzer into table and operand decoding and, for what loads, execution. Other
// inputs are loaded as they are, header and all.
#include <cstdint>
#include <string>
#include <string_view>

#include "sieve-lang/fuzz/fuzz_fixture.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  std::string bytes = (data[0] & 0x80) ? sieve::FrameProgram(rest) : std::string(rest);
  auto program = sieve::fuzz::FuzzEngine().Load(bytes);
  if (program) sieve::fuzz::ExecuteOnFixedMessage(*program);
  return 0;
}
