// The system identity a daemon running as root takes on to touch a user's files (Maildir,
// Sieve scripts), as Dovecot's LMTP and managesieve processes switch to the user: the
// userdb's uid/gid fields, else mail_uid/mail_gid. Files the daemon creates then belong to
// the user, and the user's permissions, not root's, decide what may be written.
#pragma once

#include <sys/types.h>

#include "auth/auth_request.h"

namespace auth {

struct MailIdentity {
  uid_t uid = static_cast<uid_t>(-1);  // -1: stay as we are
  gid_t gid = static_cast<gid_t>(-1);
};

// `mail_uid`/`mail_gid`: the configured fallbacks as numbers (base::SystemId), -1 for none.
// A process not running as root stays as it is (nothing to switch to).
MailIdentity MailIdentityFor(const Fields& userdb, long mail_uid, long mail_gid);

}  // namespace auth
