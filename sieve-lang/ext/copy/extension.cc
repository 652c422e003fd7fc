// copy (RFC 3894): the :copy tag on redirect and fileinto (and pipe), which then leave the implicit keep
// in effect (handled by Result::Add through Action::copy). Status: complete.
#include "sieve-lang/ext/builtin.h"

namespace sieve {

const Extension& CopyExtension() {
  static const Extension ext{
      .name = "copy",
      .external_tags = {{"redirect", {"copy", std::nullopt, {}, 0}},
                        {"fileinto", {"copy", std::nullopt, {}, 0}},
                        // spec-bosch-sieve-extprograms §5.2: and on vnd.dovecot.pipe's pipe.
                        {"pipe", {"copy", std::nullopt, {}, 0}}},
  };
  return ext;
}

}  // namespace sieve
