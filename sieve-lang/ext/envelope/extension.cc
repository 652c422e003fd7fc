// envelope (RFC 5228 §5.4). Status: complete; adds Pigeonhole's "auth" envelope part.
#include "sieve-lang/ext/builtin.h"

namespace sieve {
namespace ext {
const CommandDef& EnvelopeTest();
}

const Extension& EnvelopeExtension() {
  static const Extension ext{.name = "envelope", .commands = {&ext::EnvelopeTest()}};
  return ext;
}

}  // namespace sieve
