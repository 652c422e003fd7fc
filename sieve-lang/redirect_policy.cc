#include "sieve-lang/redirect_policy.h"

#include "base/strings.h"
#include "mail/address.h"

namespace sieve {

std::string RedirectUserAddress(const RedirectSettings& settings, const Envelope& envelope) {
  return settings.user_email.empty() ? envelope.to : settings.user_email;
}

std::string RedirectEnvelopeSender(const RedirectSettings& settings, const Envelope& envelope) {
  if (envelope.from.empty()) return "";
  std::string_view policy = base::TrimWhitespace(settings.envelope_from);
  if (base::EqualsIgnoreCase(policy, "sender") || policy.empty()) return envelope.from;
  if (base::EqualsIgnoreCase(policy, "recipient")) return envelope.to;
  if (base::EqualsIgnoreCase(policy, "orig_recipient")) {
    return envelope.orig_to.empty() ? envelope.to : envelope.orig_to;
  }
  if (base::EqualsIgnoreCase(policy, "user_email")) return RedirectUserAddress(settings, envelope);
  if (base::EqualsIgnoreCase(policy, "postmaster")) return settings.postmaster;
  if (policy.size() >= 2 && policy.front() == '<' && policy.back() == '>') {
    return std::string(policy.substr(1, policy.size() - 2));
  }
  return envelope.from;  // an unknown value was rejected when the setting was read
}

bool RedirectWouldLoop(const mail::Message& message, const RedirectSettings& settings,
                       const Envelope& envelope) {
  for (std::string_view value : message.headers().GetAll(kRedirectedFromHeader)) {
    for (const mail::Address& address : mail::ParseAddressList(value).addresses) {
      std::string spec = address.AddrSpec();
      if ((!settings.user_email.empty() && base::EqualsIgnoreCase(spec, settings.user_email)) ||
          base::EqualsIgnoreCase(spec, envelope.to)) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace sieve
