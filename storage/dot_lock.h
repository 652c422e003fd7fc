// A dot-lock on a file (dovecot-uidlist, subscriptions), taken the way Dovecot takes it: the
// lock is "<file>.lock", created exclusively; the new contents are written into the lock file
// and renamed over the file, which publishes them and releases the lock in one step. A lock
// older than kDotLockStale belongs to a process that died and is broken.
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>

#include "base/result.h"

namespace storage {

class DotLock {
 public:
  // Locks `file` (creates "<file>.lock"); waits up to kDotLockWait; Temporary when another
  // process keeps the lock.
  static base::Result<DotLock> Acquire(const std::string& file);
  DotLock(DotLock&& other) noexcept;
  DotLock& operator=(DotLock&&) = delete;
  DotLock(const DotLock&) = delete;
  DotLock& operator=(const DotLock&) = delete;
  ~DotLock();  // releases the lock when it was not committed

  // Writes `contents` to the lock file, fsyncs it, renames it over the file and fsyncs the
  // directory. The lock is released whatever the outcome.
  base::Status Commit(std::string_view contents);

 private:
  DotLock(std::string file, int fd);
  std::string LockPath() const { return file_ + ".lock"; }
  // Whether the lock file at the path is still the one this lock created (a holder slower
  // than kDotLockStale may have been taken for dead and replaced).
  bool StillOurs() const;
  std::string file_;
  int fd_ = -1;
  dev_t device_ = 0;
  ino_t inode_ = 0;
};

}  // namespace storage
