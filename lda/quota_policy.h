// The quota a user's deliveries are held to, as Dovecot's quota plugin reads it:
// plugin { quota = maildir:User quota (or dirsize:...), quota_rule = *:storage=1G,
// quota_rule2 = *:messages=10000 ... }, where userdb fields of the same names override the
// plugin's. No `quota` setting: no quota. `maildir` keeps the Maildir++ maildirsize file up
// to date; `dirsize` counts the files at every check.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "auth/auth_request.h"
#include "base/result.h"
#include "storage/quota.h"

namespace lda {

class UserQuota {
 public:
  // InvalidArgument naming the setting for an unknown backend or a bad rule.
  static base::Result<std::optional<UserQuota>> For(
      const std::map<std::string, std::string>& plugin, const auth::Fields& userdb,
      const std::string& maildir_root);

  // QuotaExceeded when one more message of `size` bytes would pass a limit.
  base::Status CheckAppend(uint64_t size);
  // After a successful append (maildirsize gets the change).
  void Recorded(uint64_t size);
  // Whether the user is at or over a limit already (lmtp_rcpt_check_quota).
  base::Result<bool> Full();

 private:
  UserQuota(bool maildirsize, std::string root, storage::QuotaLimits limits)
      : maildirsize_(maildirsize), root_(std::move(root)), limits_(limits), file_(root_, limits) {}
  base::Result<storage::QuotaUsage> Usage();

  bool maildirsize_;
  std::string root_;
  storage::QuotaLimits limits_;
  storage::MaildirSize file_;
};

}  // namespace lda
