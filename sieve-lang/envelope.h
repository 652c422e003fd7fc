// The SMTP envelope of the message being filtered (RFC 5228 §5.4).
#pragma once

#include <string>

namespace sieve {

struct Envelope {
  std::string from;     // MAIL FROM path without brackets; empty for the null sender "<>"
  std::string to;       // RCPT TO of the recipient being delivered to
  std::string orig_to;  // ORCPT, when known
  std::string auth;     // authenticated submitter (Pigeonhole's non-standard "auth" part)
};

}  // namespace sieve
