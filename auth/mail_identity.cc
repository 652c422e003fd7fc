#include "auth/mail_identity.h"

#include <unistd.h>

#include "base/thread_identity.h"

namespace auth {
namespace {

// A userdb uid/gid field (a number or a system name); -1 when absent or unknown.
long IdField(const Fields& fields, const char* key, bool group) {
  const std::string* value = FindField(fields, key);
  return value == nullptr ? -1 : base::SystemId(*value, group);
}

}  // namespace

MailIdentity MailIdentityFor(const Fields& userdb, long mail_uid, long mail_gid) {
  if (geteuid() != 0) return {};
  long uid = IdField(userdb, "uid", false);
  long gid = IdField(userdb, "gid", true);
  if (uid < 0) uid = mail_uid;
  if (gid < 0) gid = mail_gid;
  return {uid > 0 ? static_cast<uid_t>(uid) : static_cast<uid_t>(-1),
          gid > 0 ? static_cast<gid_t>(gid) : static_cast<gid_t>(-1)};
}

}  // namespace auth
