#include "storage/dot_lock.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>
#include <utility>

#include "base/fs.h"
#include "storage/durable_file.h"
#include "storage/limits.h"

namespace storage {
namespace {

bool IsStale(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return false;
  auto age = std::chrono::system_clock::now() -
             std::chrono::system_clock::from_time_t(st.st_mtime);
  return age > kDotLockStale;
}

}  // namespace

DotLock::DotLock(std::string file, int fd) : file_(std::move(file)), fd_(fd) {
  struct stat st {};
  if (fstat(fd_, &st) == 0) {
    device_ = st.st_dev;
    inode_ = st.st_ino;
  }
}

DotLock::DotLock(DotLock&& other) noexcept
    : file_(std::move(other.file_)),
      fd_(std::exchange(other.fd_, -1)),
      device_(other.device_),
      inode_(other.inode_) {}

bool DotLock::StillOurs() const {
  struct stat st {};
  return stat(LockPath().c_str(), &st) == 0 && st.st_dev == device_ &&
         st.st_ino == inode_;
}

DotLock::~DotLock() {
  if (fd_ < 0) return;
  close(fd_);
  if (StillOurs()) unlink(LockPath().c_str());  // never another process's lock
}

base::Result<DotLock> DotLock::Acquire(const std::string& file) {
  const std::string path = file + ".lock";
  const auto deadline = std::chrono::steady_clock::now() + kDotLockWait;
  auto pause = std::chrono::milliseconds(1);
  while (true) {
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) return DotLock(file, fd);
    if (errno != EEXIST) {
      return base::Err(base::Status::IOError("cannot create " + path + ": " + std::strerror(errno)));
    }
    if (IsStale(path)) {
      unlink(path.c_str());  // its holder died; racing breakers are fine: one create wins
      continue;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      return base::Err(base::Status::Temporary("timed out waiting for " + path));
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(50));
  }
}

base::Status DotLock::Commit(std::string_view contents) {
  const std::string lock = LockPath();
  if (!StillOurs()) {
    // Taken for dead and broken by another process: its contents must not be replaced by ours.
    close(std::exchange(fd_, -1));
    return base::Status::Temporary("lost " + lock + " to another process (held too long)");
  }
  int fd = std::exchange(fd_, -1);
  base::Status status = WriteAllAndSync(fd, contents, lock);
  close(fd);
  if (status.ok() && rename(lock.c_str(), file_.c_str()) != 0) {
    status = base::Status::IOError("cannot rename " + lock + ": " + std::strerror(errno));
  }
  if (!status.ok()) {
    unlink(lock.c_str());
    return status;
  }
  return SyncDirectory(base::DirName(file_));
}

}  // namespace storage
