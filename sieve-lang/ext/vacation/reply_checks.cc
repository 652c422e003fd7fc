// Whether a vacation reply is due (RFC 5230 §4.5-§4.6, RFC 3834 §2-§3), following the checks
// and wording of Pigeonhole's vacation action.
#include <array>

#include "base/strings.h"
#include "mail/address.h"
#include "sieve-lang/ext/vacation/reply.h"

namespace sieve::ext {
namespace {

// RFC 5230 §4.5: the headers that say the user was addressed explicitly.
constexpr std::array<std::string_view, 6> kRecipientHeaders = {
    "to", "cc", "bcc", "resent-to", "resent-cc", "resent-bcc"};
// RFC 5230 §4.6 / RFC 2369, RFC 2919: mailing-list traffic is never answered.
constexpr std::array<std::string_view, 7> kListHeaders = {
    "list-id",          "list-owner", "list-subscribe", "list-post",
    "list-unsubscribe", "list-help",  "list-archive"};

bool SameAddress(std::string_view a, std::string_view b) { return base::EqualsIgnoreCase(a, b); }

// The first token of a header value ("auto-replied; x" -> "auto-replied").
std::string FirstToken(std::string_view value) {
  value = base::TrimWhitespace(value);
  size_t end = value.find_first_of(" \t\r\n;(");
  return base::AsciiToLower(value.substr(0, end));
}

// RFC 5230 §4.6: "owner-*", "*-request", MAILER-DAEMON and list servers are not people.
bool IsSystemAddress(std::string_view local_part) {
  return base::EqualsIgnoreCase(local_part, "mailer-daemon") ||
         base::EqualsIgnoreCase(local_part, "listserv") ||
         base::EqualsIgnoreCase(local_part, "majordomo") ||
         local_part.find("-request") != std::string_view::npos ||
         local_part.starts_with("owner-");
}

std::vector<std::string> OwnAddresses(const Envelope& envelope, const VacationRequest& request,
                                      const VacationSettings& settings) {
  std::vector<std::string> own;
  if (!envelope.to.empty()) own.push_back(envelope.to);
  if (settings.use_original_recipient && !envelope.orig_to.empty()) {
    own.push_back(envelope.orig_to);
  }
  if (settings.user_email) own.push_back(*settings.user_email);
  own.insert(own.end(), request.addresses.begin(), request.addresses.end());
  return own;
}

// The first of the user's addresses found in a recipient header (RFC 5230 §4.5).
std::optional<std::string> FindOwnAddress(const mail::Message& message,
                                          const std::vector<std::string>& own) {
  for (std::string_view name : kRecipientHeaders) {
    for (std::string_view value : message.headers().GetAll(name)) {
      for (const mail::Address& a : mail::ParseAddressList(value).addresses) {
        std::string spec = a.AddrSpec();
        for (const std::string& mine : own) {
          if (SameAddress(spec, mine)) return spec;
        }
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string> WhyNotAutomatic(const mail::Message& message,
                                           const std::string& sender) {
  // RFC 3834 §2: never answer an automatic message.
  for (std::string_view value : message.headers().GetAll("auto-submitted")) {
    if (FirstToken(value) != "no") {
      return "discarding vacation response to auto-submitted message from <" + sender + ">";
    }
  }
  for (std::string_view value : message.headers().GetAll("precedence")) {
    std::string kind = FirstToken(value);
    if (kind == "bulk" || kind == "list" || kind == "junk") {
      return "discarding vacation response to precedence=" + kind + " message from <" +
             sender + ">";
    }
  }
  for (std::string_view name : kListHeaders) {
    if (!message.headers().GetAll(name).empty()) {
      return "discarding vacation response to mailinglist message from <" + sender + ">";
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> WhyNoReply(const mail::Message& message, const Envelope& envelope,
                                      const VacationRequest& request,
                                      const VacationSettings& settings,
                                      std::string& own_address) {
  const std::string& sender = envelope.from;
  // RFC 5230 §4.6 / RFC 3834 §2: a message with the null return path gets no reply.
  if (sender.empty()) return "discarded vacation reply to <>";
  std::vector<std::string> own = OwnAddresses(envelope, request, settings);
  // RFC 5230 §4.6: never reply to oneself.
  for (const std::string& mine : own) {
    if (SameAddress(sender, mine)) {
      return "discarded vacation reply to own address <" + sender + ">";
    }
  }
  if (auto why = WhyNotAutomatic(message, sender)) return why;
  std::optional<mail::Address> path = mail::ParseEnvelopePath(sender);
  if (path && IsSystemAddress(path->local_part)) {
    return "not sending vacation response to system address <" + sender + ">";
  }
  std::optional<std::string> found = FindOwnAddress(message, own);
  if (!found && settings.check_recipient) {
    return "discarding vacation response for implicitly delivered message; none of the "
           "recipient addresses is in the To, Cc or Bcc header";
  }
  own_address = found ? *found : (settings.user_email ? *settings.user_email : envelope.to);
  return std::nullopt;
}

std::string VacationHandle(const VacationRequest& request) {
  if (request.handle) return *request.handle;
  // Pigeonhole's default handle: the reason, subject, from and :mime together.
  return request.reason + request.subject.value_or("<default-subject>") +
         request.from.value_or("<default-from>") + (request.mime ? "<MIME>" : "<NO-MIME>");
}

std::string VacationTrackingKey(std::string_view sender, std::string_view handle) {
  return "vacation\n" + base::AsciiToLower(sender) + "\n" + std::string(handle);
}

}  // namespace sieve::ext
