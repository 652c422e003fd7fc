#include "base/thread_identity.h"

#include <grp.h>
#include <pwd.h>
#include <sys/fsuid.h>

#include <cstdlib>

#include <string>

namespace base {

// setfsuid returns the previous value whatever happens; success shows only in a second call
// that returns the value asked for.
ScopedThreadIdentity::ScopedThreadIdentity(uid_t uid, gid_t gid) {
  if (gid != static_cast<gid_t>(-1)) {
    old_gid_ = static_cast<gid_t>(setfsgid(gid));
    if (static_cast<gid_t>(setfsgid(gid)) != gid) {
      status_ = Status::IOError("cannot switch to gid " + std::to_string(gid) +
                                " (the daemon is not root?)");
    }
  }
  if (uid != static_cast<uid_t>(-1) && status_.ok()) {
    old_uid_ = static_cast<uid_t>(setfsuid(uid));
    if (static_cast<uid_t>(setfsuid(uid)) != uid) {
      status_ = Status::IOError("cannot switch to uid " + std::to_string(uid) +
                                " (the daemon is not root?)");
    }
  }
}

ScopedThreadIdentity::~ScopedThreadIdentity() {
  if (old_uid_ != static_cast<uid_t>(-1)) setfsuid(old_uid_);
  if (old_gid_ != static_cast<gid_t>(-1)) setfsgid(old_gid_);
}

long SystemId(const std::string& value, bool group) {
  if (value.empty()) return -1;
  char* end = nullptr;
  long id = std::strtol(value.c_str(), &end, 10);
  if (*end == '\0') return id;
  if (group) {
    const struct group* entry = getgrnam(value.c_str());
    return entry != nullptr ? static_cast<long>(entry->gr_gid) : -1;
  }
  const passwd* entry = getpwnam(value.c_str());
  return entry != nullptr ? static_cast<long>(entry->pw_uid) : -1;
}

}  // namespace base
