#include "storage/durable_file.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace storage {

base::Status ErrnoStatus(std::string_view what, const std::string& path) {
  const int err = errno;
  std::string message = std::string(what) + " " + path + ": " + std::strerror(err);
  switch (err) {
    case ENOSPC:
    case EDQUOT: return base::Status::Temporary(message);  // retry once there is room
    case EACCES:
    case EPERM: return base::Status::PermissionDenied(message);
    case ENOENT: return base::Status::NotFound(message);
    default: return base::Status::IOError(message);
  }
}

base::Status WriteAllAndSync(int fd, std::string_view data, const std::string& path) {
  while (!data.empty()) {
    ssize_t n = write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus("cannot write", path);
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  if (fsync(fd) != 0) return ErrnoStatus("cannot fsync", path);
  return base::Status::Ok();
}

base::Status ReplaceCacheFile(const std::string& path, std::string_view data) {
  // mkstemp: a unique name per call, so threads of one process do not share a temp file.
  std::string temp = path + ".tmp.XXXXXX";
  int fd = mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) return ErrnoStatus("cannot create", temp);
  while (!data.empty()) {
    ssize_t n = write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      base::Status failed = ErrnoStatus("cannot write", temp);
      close(fd);
      unlink(temp.c_str());
      return failed;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  close(fd);
  if (rename(temp.c_str(), path.c_str()) != 0) {
    base::Status failed = ErrnoStatus("cannot rename", temp);
    unlink(temp.c_str());
    return failed;
  }
  return base::Status::Ok();
}

base::Status SyncDirectory(const std::string& directory) {
  int fd = open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus("cannot open", directory);
  int rc = fsync(fd);
  close(fd);
  if (rc != 0) return ErrnoStatus("cannot fsync", directory);
  return base::Status::Ok();
}

}  // namespace storage
