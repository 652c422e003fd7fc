// The engine's Host during a delivery: the user's mailboxes, the delivery settings, the
// environment items Pigeonhole provides.
#pragma once

#include <map>
#include <string>

#include "lda/tracking_file.h"
#include "sieve-lang/host.h"
#include "storage/mail_store.h"

namespace lda {

class LdaHost final : public sieve::Host {
 public:
  // `settings`: plugin {} plus recipient_delimiter, postmaster_address, hostname.
  // `tracking`: the user's vacation/duplicate database (~/.dovecot.lda-dupes).
  LdaHost(const storage::MailStore& store, const std::map<std::string, std::string>& settings,
          TrackingFile tracking)
      : store_(store), settings_(settings), tracking_(std::move(tracking)) {}

  std::chrono::system_clock::time_point Now() const override;
  bool MailboxExists(std::string_view mailbox) const override;
  std::optional<std::string> EnvironmentItem(std::string_view name) const override;
  std::optional<std::string> SpecialUseMailbox(std::string_view flag) const override;
  std::optional<std::string> Setting(std::string_view key) const override;
  bool TrackingSeen(std::string_view key) const override;
  void TrackingMark(std::string_view key, std::chrono::system_clock::time_point expires) override;
  // Programs only from sieve_<kind>_bin_dir, run directly (no shell) with Pigeonhole's
  // environment: HOME, USER, HOST, SENDER, RECIPIENT, ORIG_RECIPIENT.
  base::Result<base::ProgramExit> RunProgram(const sieve::ProgramRequest& request) override;
  // The recipient, for the programs' HOME and USER.
  void SetUser(std::string user, std::string home) {
    user_ = std::move(user);
    home_ = std::move(home);
  }

 private:
  const storage::MailStore& store_;
  const std::map<std::string, std::string>& settings_;
  TrackingFile tracking_;
  std::string user_;
  std::string home_;
};

}  // namespace lda
