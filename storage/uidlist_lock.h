// dovecot-uidlist.lock, taken the way Dovecot takes it: the lock is a file created
// exclusively beside dovecot-uidlist; the new list is written into the lock file and renamed
// over dovecot-uidlist, which publishes it and releases the lock in one step. A lock older
// than kUidlistLockStale belongs to a process that died and is broken.
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>

#include "base/result.h"

namespace storage {

class UidlistLock {
 public:
  // Waits up to kUidlistLockWait; Temporary when another process keeps the lock.
  static base::Result<UidlistLock> Acquire(const std::string& directory);
  UidlistLock(UidlistLock&& other) noexcept;
  UidlistLock& operator=(UidlistLock&&) = delete;
  UidlistLock(const UidlistLock&) = delete;
  UidlistLock& operator=(const UidlistLock&) = delete;
  ~UidlistLock();  // releases the lock when it was not committed

  // Writes `contents` to the lock file, fsyncs it, renames it to dovecot-uidlist and fsyncs
  // the directory. The lock is released whatever the outcome.
  base::Status Commit(std::string_view contents);

 private:
  UidlistLock(std::string directory, int fd);
  // Whether the lock file at the path is still the one this lock created (a holder slower
  // than kUidlistLockStale may have been taken for dead and replaced).
  bool StillOurs() const;
  std::string directory_;
  int fd_ = -1;
  dev_t device_ = 0;
  ino_t inode_ = 0;
};

}  // namespace storage
