// The refusal a `reject` action sends back (RFC 5429 §2.1, an MDN as RFC 3798 describes):
// built here so that every delivery path sends the same message.
#pragma once

#include <string>
#include <string_view>

#include "mail/message.h"
#include "sieve-lang/envelope.h"

namespace sieve {

// A multipart/report message from `postmaster` to the original sender carrying all of
// `original`, with `reason` as the human-readable part. Sent with the null sender.
std::string BuildRejectMessage(const mail::Message& original, const Envelope& envelope,
                               std::string_view reason, std::string_view postmaster);

}  // namespace sieve
