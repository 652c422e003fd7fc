// Parsers for the SCRAM client messages (RFC 5802 §7). Pure; the state machine that uses them
// is scram_mechanism.cc. Internal to auth.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace auth::sasl {

// client-first-message = gs2-header client-first-message-bare
struct ClientFirst {
  char cbind_flag = 'n';   // 'n', 'y' or 'p' (RFC 5802 §7 gs2-cbind-flag)
  std::string gs2_header;  // "n,," / "y,a=user," ..., as sent: client-final's c= repeats it
  std::string authzid;     // decoded; empty when absent
  std::string user;        // decoded (=2C and =3D), valid UTF-8
  std::string nonce;       // the client's c-nonce
  std::string bare;        // client-first-message-bare, for AuthMessage
};
base::Result<ClientFirst> ParseClientFirst(std::string_view message);

// client-final-message = channel-binding "," nonce ["," extensions] "," proof
struct ClientFinal {
  std::string channel_binding;  // c=, decoded
  std::string nonce;            // r=
  std::string proof;            // p=, decoded
  std::string without_proof;    // client-final-message-without-proof, for AuthMessage
};
base::Result<ClientFinal> ParseClientFinal(std::string_view message);

}  // namespace auth::sasl
