// The quota a user's deliveries are held to, as Dovecot's quota plugin reads it:
// plugin { quota = maildir:User quota (or dirsize:...), quota_rule = *:storage=1G,
// quota_rule2 = *:messages=10000 ..., quota_grace = 10%%, quota_exceeded_message = ... },
// where userdb fields of the same names override the plugin's. No `quota` setting: no quota.
// `maildir` keeps the Maildir++ maildirsize file up to date; `dirsize` counts the files.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "auth/auth_request.h"
#include "base/result.h"
#include "storage/quota.h"

namespace lda {

// Dovecot's quota_exceeded_message default: what the MTA (-e, LMTP) or the sender is told.
inline constexpr char kQuotaExceededMessage[] = "Quota exceeded (mailbox for user is full)";

class UserQuota {
 public:
  // InvalidArgument naming the setting for an unknown backend, a bad rule or quota_grace.
  static base::Result<std::optional<UserQuota>> For(
      const std::map<std::string, std::string>& plugin, const auth::Fields& userdb,
      const std::string& maildir_root);

  // QuotaExceeded when one more message of `size` bytes would pass a limit (with
  // quota_grace, default 10% of the storage limit, for a user still under it). Every check
  // of one UserQuota is against the usage its first check found, as each of Dovecot's
  // mailbox transactions is checked against the committed usage: the stores of one delivery
  // (fileinto and keep) all pass or all fail.
  base::Status CheckAppend(uint64_t size);
  // After a successful append (maildirsize gets the change).
  void Recorded(uint64_t size);
  // Whether the user is at or over a limit already (lmtp_rcpt_check_quota).
  base::Result<bool> Full();
  // quota_exceeded_message.
  const std::string& exceeded_message() const { return exceeded_message_; }

 private:
  UserQuota(bool maildirsize, std::string root, storage::QuotaLimits limits, uint64_t grace,
            std::string exceeded_message)
      : maildirsize_(maildirsize),
        root_(std::move(root)),
        limits_(limits),
        grace_(grace),
        exceeded_message_(std::move(exceeded_message)),
        file_(root_, limits) {}
  base::Result<storage::QuotaUsage> Usage();

  bool maildirsize_;
  std::string root_;
  storage::QuotaLimits limits_;
  uint64_t grace_;
  std::string exceeded_message_;
  storage::MaildirSize file_;
  std::optional<storage::QuotaUsage> found_;  // the usage at the first check
};

}  // namespace lda
