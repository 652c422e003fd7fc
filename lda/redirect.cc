#include "lda/redirect.h"

#include "base/strings.h"

namespace lda {
namespace {

// The tracking key of "this message, for this user, to this address"; none without a
// Message-ID, as there is nothing that identifies a redelivery then.
std::string DuplicateKey(const RedirectContext& context, std::string_view target) {
  std::string_view id = base::TrimWhitespace(context.incoming.headers().GetFirst("Message-ID"));
  if (id.empty()) return {};
  return "redirect\n" + std::string(id) + "\n" + context.envelope.to + "\n" +
         base::AsciiToLower(target);
}

}  // namespace

base::Result<RedirectOutcome> CarryOutRedirect(const RedirectContext& context, sieve::Host& host,
                                               OutgoingMail& outgoing, const std::string& target,
                                               std::string_view bytes) {
  std::string key = DuplicateKey(context, target);
  if (!key.empty() && host.TrackingSeen(key)) return RedirectOutcome::kDuplicate;
  if (sieve::RedirectWouldLoop(context.incoming, context.settings, context.envelope)) {
    return RedirectOutcome::kLoop;
  }
  std::string user = sieve::RedirectUserAddress(context.settings, context.envelope);
  std::string copy;
  if (!user.empty()) copy = std::string(sieve::kRedirectedFromHeader) + ": " + user + "\r\n";
  copy += bytes;
  base::Status sent = outgoing.Send(
      sieve::RedirectEnvelopeSender(context.settings, context.envelope), {target}, copy);
  if (!sent.ok()) return base::Err(sent);
  // Recorded at once, not at the end of the delivery: a later action may still fail and
  // make the MTA deliver the whole message again.
  if (!key.empty()) host.TrackingMark(key, host.Now() + context.duplicate_period);
  return RedirectOutcome::kSent;
}

std::string DescribeRedirect(RedirectOutcome outcome, std::string_view target) {
  std::string address = "<" + std::string(target) + ">";
  switch (outcome) {
    case RedirectOutcome::kSent:
      return "forwarded to " + address;
    case RedirectOutcome::kLoop:
      return "not forwarding message to " + address + " (redirect loop detected): kept";
    case RedirectOutcome::kDuplicate:
      return "discarded duplicate forward to " + address;
  }
  return {};
}

}  // namespace lda
