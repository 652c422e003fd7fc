// How delivery sends mail (redirect, reject, vacation, notify): Dovecot's sendmail_path (a
// program given the envelope on its command line and the message on stdin; no shell) or,
// with submission_host, SMTP. A send that does not complete is a temporary failure for the
// delivery, never a silent loss.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace lda {

class OutgoingMail {
 public:
  virtual ~OutgoingMail() = default;
  // `from` "" is the null sender <>. Temporary when the message was not accepted.
  virtual base::Status Send(std::string_view from, const std::vector<std::string>& to,
                            std::string_view message) = 0;
};

// Runs `sendmail_path` (split on spaces, e.g. "/usr/sbin/sendmail") with
// -i -f FROM -- TO..., the message on stdin; any exit status but 0 is a temporary failure.
class SendmailOutgoing final : public OutgoingMail {
 public:
  explicit SendmailOutgoing(std::string sendmail_path) : path_(std::move(sendmail_path)) {}
  base::Status Send(std::string_view from, const std::vector<std::string>& to,
                    std::string_view message) override;

 private:
  std::string path_;
};

}  // namespace lda
