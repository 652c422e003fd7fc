// The system identity a daemon running as root takes on to touch a user's files (Maildir,
// Sieve scripts), as Dovecot's LMTP and managesieve processes switch to the user: the
// userdb's uid/gid fields, else mail_uid/mail_gid. Files the daemon creates then belong to
// the user, and the user's permissions, not root's, decide what may be written.
#pragma once

#include <sys/types.h>

#include <cstdint>

#include "auth/auth_request.h"
#include "base/result.h"

namespace auth {

struct MailIdentity {
  uid_t uid = static_cast<uid_t>(-1);  // -1: stay as we are
  gid_t gid = static_cast<gid_t>(-1);
};

// The settings that decide it, with Dovecot's defaults.
struct MailIdentityRules {
  long mail_uid = -1;  // mail_uid / mail_gid as numbers (base::SystemId); -1: none
  long mail_gid = -1;
  uint64_t first_valid_uid = 500;  // first_valid_uid .. last_valid_uid (0: no upper end)
  uint64_t last_valid_uid = 0;
  uint64_t first_valid_gid = 1;    // first_valid_gid .. last_valid_gid (0: no upper end)
  uint64_t last_valid_gid = 0;
};

// For a daemon running as root: the user's uid/gid, or an error (to be logged, and answered
// as a temporary failure) when the user has none or one outside the valid range: mail is
// never touched as root or as a system account unless the range is opened to it
// (first_valid_uid = 0). A process not running as root stays as it is.
base::Result<MailIdentity> MailIdentityFor(const Fields& userdb, const MailIdentityRules& rules);

}  // namespace auth
