// Filesystem helpers: whole-file reads and crash-safe replacement (write tmp, fsync, rename,
// fsync the directory). The only place in base/ that touches the disk.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace base {

// The directory part of `path`: "." when it has none, "/" for a file in the root.
[[nodiscard]] std::string DirName(const std::string& path);
// Returns the file's bytes; NotFound if it does not exist, IOError otherwise.
[[nodiscard]] Result<std::string> ReadFile(const std::string& path);
// A name next to `path` that no other thread or process of this host picks at the same time
// (pid and a per-process counter): the temporary of an atomic replacement.
[[nodiscard]] std::string UniqueTempPath(const std::string& path, std::string_view tag);
// Replaces `path` atomically with `data`; on failure the old file is untouched.
[[nodiscard]] Status WriteFileAtomic(const std::string& path, std::string_view data);

}  // namespace base
