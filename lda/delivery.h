// One message to one user: look up where the user's mail lives, run the Sieve chain, carry
// out what it decided. The message is acknowledged only when every store is durable on disk;
// anything that cannot complete (disk, quota with quota_full_tempfail, a send) is a
// temporary failure the MTA retries, never a silent drop.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "auth/auth_request.h"
#include "lda/outgoing.h"
#include "sieve-lang/sieve.h"

namespace lda {

struct DeliverySettings {
  std::string mail_location;  // the default when the userdb has no `mail`
  std::string postmaster_address;
  std::string hostname;
  std::string recipient_delimiter = "+";
  // lda_original_recipient_header: where roost-lda finds the original recipient when -a is
  // not given (e.g. X-Original-To).
  std::string original_recipient_header;
  bool mailbox_autocreate = false;     // lda_mailbox_autocreate
  bool mailbox_autosubscribe = false;  // lda_mailbox_autosubscribe
  bool quota_full_tempfail = false;
  std::string redirect_envelope_from = "sender";  // sieve_redirect_envelope_from
  std::string user_email;                         // sieve_user_email
  std::chrono::seconds redirect_duplicate_period = std::chrono::hours(12);
  std::map<std::string, std::string> plugin;      // plugin {} (sieve, sieve_before, ...)
};

struct Recipient {
  std::string user;          // the login name the userdb knows
  auth::Fields userdb;       // home, mail, uid, gid, ...
  std::string mailbox = "INBOX";  // -m: where the implicit keep stores
};

struct DeliveryOutcome {
  enum class Status {
    kDelivered,  // every action done; exit 0 / 250
    kRejected,   // the script rejected the message; `message` is the reason (-e / LMTP 5xx)
    kTempFail,   // try again later; `message` says why
  };
  Status status = Status::kTempFail;
  std::string message;
  std::vector<std::string> log;  // one line per action, for the delivery log
  // The user's quota stopped it (checked before any action, so nothing else was done):
  // quota_full_tempfail = no: kRejected with quota_exceeded_message when `reject_to_mta`
  // (-e 77 / LMTP 552 5.2.2), else, as dovecot-lda, a rejection mailed to the sender and
  // kDelivered (exit 0); quota_full_tempfail = yes: kTempFail (75 / LMTP 452 4.2.2).
  bool quota_exceeded = false;
};

class Deliverer {
 public:
  Deliverer(const sieve::Engine& engine, DeliverySettings settings, OutgoingMail& outgoing)
      : engine_(engine), settings_(std::move(settings)), outgoing_(outgoing) {}

  // `reject_to_mta`: -e / LMTP: a reject is returned to the MTA instead of sending a
  // rejection message.
  DeliveryOutcome Deliver(const Recipient& recipient, const sieve::Envelope& envelope,
                          const std::string& message, bool reject_to_mta) const;

  // Whether the user is at or over a quota limit already (lmtp_rcpt_check_quota). False
  // when there is no quota or it cannot be read: the delivery itself decides then.
  bool OverQuota(const Recipient& recipient) const;

  const DeliverySettings& settings() const { return settings_; }

 private:
  const sieve::Engine& engine_;
  const DeliverySettings settings_;
  OutgoingMail& outgoing_;
};

}  // namespace lda
