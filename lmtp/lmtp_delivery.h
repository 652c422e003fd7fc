// What the LMTP service does for each recipient, apart from the protocol: find the user a
// RCPT TO names (detail split off by recipient_delimiter), and deliver one received message
// to one recipient through lda::Deliverer, with the trace fields Dovecot's LMTP adds, turning
// the outcome into that recipient's reply line. Thread-safe: sessions call it from a pool.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

#include "auth/authenticator.h"
#include "auth/mail_identity.h"
#include "lda/delivery.h"

namespace lmtp {

struct LmtpSettings {
  std::string hostname;                   // hostname, else the machine's name
  std::string recipient_delimiter = "+";  // may list several characters
  bool save_to_detail_mailbox = false;    // lmtp_save_to_detail_mailbox
  bool rcpt_check_quota = false;          // lmtp_rcpt_check_quota
  bool add_received_header = true;        // lmtp_add_received_header
  std::string hdr_delivery_address = "final";  // lmtp_hdr_delivery_address: final|original|none
  // Whom a root daemon delivers as: mail_uid/mail_gid, first/last_valid_uid/gid.
  auth::MailIdentityRules identity;
};

// One accepted RCPT TO.
struct AcceptedRecipient {
  std::string address;           // the RCPT TO address (addr-spec, detail included)
  std::string original_address;  // ORCPT=rfc822;... when given, else `address`
  lda::Recipient recipient;
};

struct RcptCheck {
  bool ok = false;
  std::string reply;  // the RCPT reply when !ok ("550 5.1.1 ...")
  AcceptedRecipient accepted;
};

// The received message as every recipient's delivery sees it.
struct Transaction {
  std::string session_id;
  std::string helo;         // the LHLO name
  std::string remote_ip;    // "" on a UNIX socket
  bool tls = false;
  std::string sender;       // addr-spec, "" for the null path <>
  std::string body;         // LF line ends, dot-unstuffed
};

class LmtpDelivery {
 public:
  LmtpDelivery(auth::Authenticator& authenticator, const lda::Deliverer& deliverer,
               LmtpSettings settings)
      : authenticator_(authenticator), deliverer_(deliverer), settings_(std::move(settings)) {}

  // The userdb lookup for `address` (an addr-spec) with the ORCPT value (may be empty).
  RcptCheck CheckRecipient(const std::string& address, const std::string& orcpt) const;

  // Delivers and returns the recipient's reply after DATA/BDAT LAST, e.g.
  // "250 2.0.0 <a@b> 4zXm3k Saved". Logs one line with the session id and user.
  std::string Deliver(const Transaction& transaction, const AcceptedRecipient& rcpt) const;

  // Whether CheckRecipient may wait on the network or the disk (a SQL userdb,
  // lmtp_rcpt_check_quota): then sessions run it on the pool.
  bool LookupsMayBlock() const { return authenticator_.MayBlock() || settings_.rcpt_check_quota; }
  const LmtpSettings& settings() const { return settings_; }

 private:
  std::string TraceFields(const Transaction& transaction, const AcceptedRecipient& rcpt) const;

  auth::Authenticator& authenticator_;
  const lda::Deliverer& deliverer_;
  const LmtpSettings settings_;
};

}  // namespace lmtp
