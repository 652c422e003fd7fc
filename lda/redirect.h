// Carrying out a Sieve redirect (RFC 5228 §4.2) as Pigeonhole does: the copy names this user
// in X-Sieve-Redirected-From, a message that already names them is not sent round again (it
// is kept instead, so nothing is lost), and a redirect that went out is recorded in the
// user's tracking database so a redelivery of the same message (the MTA retrying after a
// later temporary failure) does not forward it twice.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "base/result.h"
#include "lda/outgoing.h"
#include "mail/message.h"
#include "sieve-lang/envelope.h"
#include "sieve-lang/host.h"
#include "sieve-lang/redirect_policy.h"

namespace lda {

struct RedirectContext {
  const sieve::RedirectSettings& settings;
  const sieve::Envelope& envelope;
  const mail::Message& incoming;          // as it arrived: loop header, Message-ID
  std::chrono::seconds duplicate_period;  // sieve_redirect_duplicate_period
};

enum class RedirectOutcome {
  kSent,
  kLoop,       // not sent: the message was redirected by this user before
  kDuplicate,  // not sent: this message already went to this address
};

// Sends `bytes` (the message as the action saw it) to `target`. A failed send is the
// OutgoingMail's temporary Status; nothing is recorded then.
base::Result<RedirectOutcome> CarryOutRedirect(const RedirectContext& context, sieve::Host& host,
                                               OutgoingMail& outgoing, const std::string& target,
                                               std::string_view bytes);

// The delivery log's words for what happened (Pigeonhole's, for the two that send nothing).
std::string DescribeRedirect(RedirectOutcome outcome, std::string_view target);

}  // namespace lda
