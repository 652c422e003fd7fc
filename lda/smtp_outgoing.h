// Outgoing mail over SMTP (Dovecot's submission_host = host[:port]): one blocking session per
// message to the MTA, as Dovecot's LDA does instead of running sendmail_path. Any reply that is
// not a success, a refused or lost connection or a timeout is a temporary failure: the
// delivery then defers and the MTA retries, so nothing is lost. No TLS: submission_ssl must
// stay "no" (lda_setup refuses the others).
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "lda/outgoing.h"

namespace lda {

struct SubmissionTarget {
  std::string host;
  std::string port = "25";
};

// "host", "host:port", "[v6addr]" or "[v6addr]:port"; a bare IPv6 address (several colons)
// has no port.
base::Result<SubmissionTarget> ParseSubmissionHost(std::string_view value);

// The DATA payload (RFC 5321 §4.5.2, §2.3.8): every line ends in CRLF (a bare LF becomes
// one), a line starting with "." gets another, then the "." line that ends the data.
std::string SmtpDataPayload(std::string_view message);

class SmtpOutgoing final : public OutgoingMail {
 public:
  // `helo_name`: the hostname setting. `timeout`: submission_timeout, for the connect and for
  // each reply and write.
  SmtpOutgoing(SubmissionTarget target, std::string helo_name, std::chrono::milliseconds timeout)
      : target_(std::move(target)), helo_name_(std::move(helo_name)), timeout_(timeout) {}

  base::Status Send(std::string_view from, const std::vector<std::string>& to,
                    std::string_view message) override;

 private:
  SubmissionTarget target_;
  std::string helo_name_;
  std::chrono::milliseconds timeout_;
};

}  // namespace lda
