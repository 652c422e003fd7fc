// fileinto (RFC 5228 §4.1). Status: complete. Deviations: none.
#include "sieve-lang/ext/builtin.h"

namespace sieve {
namespace ext {
const CommandDef& FileintoCommand();
}

const Extension& FileintoExtension() {
  static const Extension ext{.name = "fileinto", .commands = {&ext::FileintoCommand()}};
  return ext;
}

}  // namespace sieve
