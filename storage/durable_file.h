// The system calls that make a write durable, with errors as Status (ENOSPC says the disk is
// full, so callers can fail temporarily instead of losing mail).
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace storage {

// write() all of `data` to `fd` and fsync it; `path` names the file in errors.
base::Status WriteAllAndSync(int fd, std::string_view data, const std::string& path);
// fsync the directory, so that a rename or link into it survives a crash.
base::Status SyncDirectory(const std::string& directory);
// Replaces `path` with `data` through a temporary file and rename, without fsync: for caches
// (roost.index), where a file lost in a crash only costs a rebuild.
base::Status ReplaceCacheFile(const std::string& path, std::string_view data);
// The Status of the current errno for `what` on `path`.
base::Status ErrnoStatus(std::string_view what, const std::string& path);

}  // namespace storage
