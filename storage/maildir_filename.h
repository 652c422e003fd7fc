// Maildir file names as Dovecot writes and reads them:
//   <secs>.M<usecs>P<pid>Q<n>.<host>,S=<size>,W=<vsize>:2,<flags>
// The part before ':' (the base) names the message for good; ":2," carries the flags, the
// system flags as capitals (Draft Flagged Passed Replied Seen Trashed) and keywords as the
// letters a-z of dovecot-keywords, all in ASCII order. Pure: no filesystem access.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace storage {

struct MaildirFilename {
  std::string base;   // everything before ":2,"
  std::string flags;  // the letters after ":2," (empty when there is no info part)
  std::optional<uint64_t> size;   // S=, the file's size
  std::optional<uint64_t> vsize;  // W=, the size with CRLF line ends (RFC 822 size)
};

MaildirFilename ParseMaildirFilename(std::string_view name);

// "base:2,FLAGS" with the letters sorted and each once; just the base when `flags` is empty
// and `always_info` is false (a message still in new/).
std::string FormatMaildirFilename(std::string_view base, std::string_view flags,
                                  bool always_info = true);

// The flag letters of `letters`, sorted and without repeats.
std::string NormalizeFlagLetters(std::string_view letters);

// A unique base for a new message: time, microseconds, pid, a per-process counter and the
// host name (with '/' and ':' escaped as Dovecot does), then the sizes.
std::string NewMaildirBase(int64_t secs, int64_t usecs, int64_t pid, uint64_t counter,
                           std::string_view host, uint64_t size, uint64_t vsize);

}  // namespace storage
