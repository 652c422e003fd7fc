#include "auth/mail_identity.h"

#include <unistd.h>

#include <string>

#include "base/thread_identity.h"

namespace auth {
namespace {

// A userdb uid/gid field (a number or a system name); -1 when absent or unknown.
long IdField(const Fields& fields, const char* key, bool group) {
  const std::string* value = FindField(fields, key);
  return value == nullptr ? -1 : base::SystemId(*value, group);
}

bool InRange(long id, uint64_t first, uint64_t last) {
  auto value = static_cast<uint64_t>(id);
  return value >= first && (last == 0 || value <= last);
}

}  // namespace

base::Result<MailIdentity> MailIdentityFor(const Fields& userdb, const MailIdentityRules& rules) {
  if (geteuid() != 0) return MailIdentity{};
  long uid = IdField(userdb, "uid", false);
  long gid = IdField(userdb, "gid", true);
  if (uid < 0) uid = rules.mail_uid;
  if (gid < 0) gid = rules.mail_gid;
  if (uid < 0) {
    return base::Err(base::Status::InvalidArgument(
        "the user has no uid: give one in the userdb or set mail_uid"));
  }
  if (gid < 0) {
    return base::Err(base::Status::InvalidArgument(
        "the user has no gid: give one in the userdb or set mail_gid"));
  }
  if (!InRange(uid, rules.first_valid_uid, rules.last_valid_uid)) {
    return base::Err(base::Status::PermissionDenied(
        "Mail access for users with UID " + std::to_string(uid) +
        " not permitted, see first_valid_uid in config file"));
  }
  if (!InRange(gid, rules.first_valid_gid, rules.last_valid_gid)) {
    return base::Err(base::Status::PermissionDenied(
        "Mail access for users with GID " + std::to_string(gid) +
        " not permitted, see first_valid_gid in config file"));
  }
  return MailIdentity{static_cast<uid_t>(uid), static_cast<gid_t>(gid)};
}

}  // namespace auth
