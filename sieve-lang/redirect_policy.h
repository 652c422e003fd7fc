// How a redirect leaves the system (Pigeonhole's sieve_redirect_envelope_from and
// X-Sieve-Redirected-From): the envelope sender to use and the mail-loop check. Pure
// functions of settings, envelope and message, shared by every delivery path.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "mail/message.h"
#include "sieve-lang/envelope.h"

namespace sieve {

inline constexpr std::string_view kRedirectedFromHeader = "X-Sieve-Redirected-From";

struct RedirectSettings {
  // sieve_redirect_envelope_from: sender | recipient | orig_recipient | user_email |
  // postmaster | <address>; surrounding spaces are tolerated.
  std::string envelope_from = "sender";
  std::string user_email;  // sieve_user_email (may be empty)
  std::string postmaster = "postmaster@example.com";
};

// The address this user is known by: sieve_user_email, else the final recipient.
std::string RedirectUserAddress(const RedirectSettings& settings, const Envelope& envelope);

// MAIL FROM for the redirected copy ("" = null sender). A message that arrived with the null
// sender keeps it, so bounces can never loop.
std::string RedirectEnvelopeSender(const RedirectSettings& settings, const Envelope& envelope);

// True when the message already went through a redirect here: an X-Sieve-Redirected-From
// naming sieve_user_email or the final recipient. Redirecting it again would loop.
bool RedirectWouldLoop(const mail::Message& message, const RedirectSettings& settings,
                       const Envelope& envelope);

}  // namespace sieve
