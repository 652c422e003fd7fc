// What a delivery process needs from the configuration: the Sieve engine with the plugin
// settings applied, the delivery settings (protocol lda {} over the top level), the user
// databases, and the outgoing mail path.
#pragma once

#include <memory>

#include "auth/authenticator.h"
#include "base/result.h"
#include "config/config_source.h"
#include "lda/delivery.h"
#include "lda/outgoing.h"
#include "sieve-lang/sieve.h"

namespace lda {

using LdaConfigSource = config::ConfigSource;

struct LdaSetup {
  std::unique_ptr<sieve::Engine> engine;
  DeliverySettings delivery;
  std::unique_ptr<auth::Authenticator> authenticator;
  std::unique_ptr<OutgoingMail> outgoing;
  std::vector<std::string> warnings;  // unknown settings, for the caller to log
};

// `protocol`: "lda" or "lmtp", whose protocol {} block overrides the top level.
base::Result<LdaSetup> LoadLdaSetup(const LdaConfigSource& source,
                                    std::string_view protocol = "lda");

}  // namespace lda
