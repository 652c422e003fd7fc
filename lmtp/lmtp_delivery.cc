#include "lmtp/lmtp_delivery.h"

#include <unistd.h>

#include <optional>

#include "base/log.h"
#include "base/thread_identity.h"
#include "base/strings.h"
#include "mail/address.h"
#include "mail/date.h"
#include "mail/header.h"

namespace lmtp {
namespace {

// RFC 5233 §4: the detail starts at the first delimiter character in the local part.
void SplitDetail(const std::string& address, const std::string& delimiters, std::string& user,
                 std::string& detail) {
  size_t at = address.rfind('@');
  std::string local = address.substr(0, at);
  std::string domain = at == std::string::npos ? std::string() : address.substr(at);
  size_t cut = delimiters.empty() ? std::string::npos : local.find_first_of(delimiters);
  if (cut == std::string::npos || cut == 0) {
    user = address;
    detail.clear();
    return;
  }
  user = local.substr(0, cut) + domain;
  detail = local.substr(cut + 1);
}

std::string MessageId(const std::string& body) {
  mail::HeaderSection header = mail::ParseHeaderSection(body);
  if (!header.headers.Has("Message-ID")) return "";
  return std::string(base::TrimWhitespace(header.headers.GetFirst("Message-ID")));
}

}  // namespace

RcptCheck LmtpDelivery::CheckRecipient(const std::string& address,
                                       const std::string& orcpt) const {
  RcptCheck check;
  std::string user, detail;
  SplitDetail(address, settings_.recipient_delimiter, user, detail);
  auto normalized = authenticator_.NormalizeUser(user);
  if (!normalized) {
    check.reply = "550 5.1.1 <" + address + "> User doesn't exist: " + address;
    return check;
  }
  auth::UserOutcome found = authenticator_.LookupUser({.user = *normalized, .service = "lmtp"});
  if (found.status == auth::LookupResult::Status::kNotFound) {
    check.reply = "550 5.1.1 <" + address + "> User doesn't exist: " + address;
    return check;
  }
  if (found.status != auth::LookupResult::Status::kFound) {
    base::LogLine("lmtp(" + *normalized + "): user lookup failed: " + found.error);
    check.reply = "451 4.3.0 <" + address + "> Temporary user lookup failure";
    return check;
  }
  // Refused at RCPT, as Dovecot does, rather than after the message came in.
  auto identity = auth::MailIdentityFor(found.fields, settings_.identity);
  if (!identity) {
    base::LogLine("lmtp(" + found.user + "): " + identity.error().message());
    check.reply = "451 4.3.0 <" + address + "> Temporary internal error";
    return check;
  }
  if (settings_.rcpt_check_quota) {
    lda::Recipient who{.user = found.user, .userdb = found.fields};
    base::ScopedThreadIdentity as_user(identity->uid, identity->gid);
    if (as_user.status().ok() && deliverer_.OverQuota(who)) {
      check.reply = (deliverer_.settings().quota_full_tempfail ? "452 4.2.2 <" : "552 5.2.2 <") +
                    address + "> Quota exceeded (mailbox for user is full)";
      return check;
    }
  }
  check.ok = true;
  check.accepted.address = address;
  check.accepted.original_address = orcpt.empty() ? address : orcpt;
  check.accepted.recipient.user = found.user;
  check.accepted.recipient.userdb = std::move(found.fields);
  if (settings_.save_to_detail_mailbox && !detail.empty()) {
    check.accepted.recipient.mailbox = detail;
  }
  return check;
}

std::string LmtpDelivery::TraceFields(const Transaction& t, const AcceptedRecipient& rcpt) const {
  std::string fields = "Return-Path: <" + t.sender + ">\n";
  if (settings_.hdr_delivery_address == "final") {
    fields += "Delivered-To: " + rcpt.address + "\n";
  } else if (settings_.hdr_delivery_address == "original") {
    fields += "Delivered-To: " + rcpt.original_address + "\n";
  }
  if (settings_.add_received_header) {
    fields += "Received: from " + (t.helo.empty() ? std::string("unknown") : t.helo);
    if (!t.remote_ip.empty()) fields += " ([" + t.remote_ip + "])";
    fields += "\n\tby " + settings_.hostname + " with " + (t.tls ? "LMTPS" : "LMTP") +
              "\n\tid " + t.session_id + "\n\t(envelope-from <" + t.sender + ">)\n\tfor <" +
              rcpt.address + ">; " + mail::FormatDateTime(std::chrono::system_clock::now()) +
              "\n";
  }
  return fields;
}

std::string LmtpDelivery::Deliver(const Transaction& t, const AcceptedRecipient& rcpt) const {
  sieve::Envelope envelope;
  envelope.from = t.sender;
  envelope.to = rcpt.address;
  envelope.orig_to = rcpt.original_address;
  std::string message = TraceFields(t, rcpt);
  message += t.body;
  auto user = auth::MailIdentityFor(rcpt.recipient.userdb, settings_.identity);
  std::optional<base::ScopedThreadIdentity> identity;
  if (user) identity.emplace(user->uid, user->gid);
  if (!user || !identity->status().ok()) {
    base::LogLine("lmtp(" + rcpt.recipient.user + ")<" + t.session_id + ">: " +
                  (user ? identity->status().message() : user.error().message()));
    return "451 4.3.0 <" + rcpt.address + "> Temporary internal error";
  }
  lda::DeliveryOutcome outcome = deliverer_.Deliver(rcpt.recipient, envelope, message, true);
  std::string actions;
  for (const std::string& line : outcome.log) actions += (actions.empty() ? "" : ", ") + line;
  std::string msgid = MessageId(t.body);
  base::LogLine("lmtp(" + rcpt.recipient.user + ")<" + t.session_id + ">: msgid=" +
                (msgid.empty() ? "<none>" : msgid) + " from=<" + t.sender + ">: " +
                outcome.message + (actions.empty() ? "" : ": " + actions));
  const std::string who = "<" + rcpt.address + ">";
  switch (outcome.status) {
    case lda::DeliveryOutcome::Status::kDelivered:
      return "250 2.0.0 " + who + " " + t.session_id + " Saved";
    case lda::DeliveryOutcome::Status::kRejected:
      if (outcome.quota_exceeded) return "552 5.2.2 " + who + " " + outcome.message;
      return "550 5.7.1 " + who + " " + outcome.message;
    case lda::DeliveryOutcome::Status::kTempFail:
      if (outcome.quota_exceeded) return "452 4.2.2 " + who + " " + outcome.message;
      break;
  }
  return "451 4.3.0 " + who + " Temporary internal error";
}

}  // namespace lmtp
