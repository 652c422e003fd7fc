// File-system identity of the calling thread only (Linux setfsuid/setfsgid), for a daemon
// running as root that writes into many users' mail at once: files a delivery creates
// belong to that user, and the user's permissions apply, as when Dovecot's LMTP process
// switches to the user. Other threads keep theirs; exec'd programs get the process's.
#pragma once

#include <sys/types.h>

#include <string>

#include "base/status.h"

namespace base {

class ScopedThreadIdentity {
 public:
  // Switches to uid/gid (-1: leave that one). A process without CAP_SETUID/CAP_SETGID that
  // is asked for another identity gets a PermissionDenied-like error from Status().
  ScopedThreadIdentity(uid_t uid, gid_t gid);
  ~ScopedThreadIdentity();
  ScopedThreadIdentity(const ScopedThreadIdentity&) = delete;
  ScopedThreadIdentity& operator=(const ScopedThreadIdentity&) = delete;

  const Status& status() const { return status_; }

 private:
  uid_t old_uid_ = static_cast<uid_t>(-1);
  gid_t old_gid_ = static_cast<gid_t>(-1);
  Status status_;
};

// A uid (or, with `group`, a gid) written as a number or as a name in the system's
// databases (mail_uid = vmail); -1 when empty or unknown.
long SystemId(const std::string& value, bool group);

}  // namespace base
