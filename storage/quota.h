// Mail quota as Dovecot's `quota = maildir` (Maildir++ `maildirsize`) and `quota = dirsize`
// backends keep it, with limits from quota rules (`quota_rule = *:storage=1G`,
// `*:messages=10000`, usually from the userdb). Over quota is QuotaExceeded, which delivery
// maps to a temporary or permanent failure (`quota_full_tempfail`).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace storage {

struct QuotaLimits {
  uint64_t storage = 0;   // bytes; 0 = unlimited
  uint64_t messages = 0;  // 0 = unlimited
};

// Applies one rule of Dovecot's syntax to `limits`: "*:storage=1G", "*:messages=1000",
// "*:bytes=1048576", "*:storage=0" (unlimited), "*:ignore" (no limit); sizes take k/M/G/T
// (powers of 1024) or a trailing B. InvalidArgument names what is wrong.
base::Status ApplyQuotaRule(std::string_view rule, QuotaLimits& limits);

struct QuotaUsage {
  int64_t bytes = 0;
  int64_t messages = 0;
};

// Every message file (cur/ and new/) of the mailbox root and its maildir++ folders; sizes
// from S= in the name where present (the dirsize backend's whole computation).
base::Result<QuotaUsage> CountMaildirUsage(const std::string& root);

// QuotaExceeded (saying which limit) when one more message of `size` bytes would take
// `usage` past `limits`. `grace` is Dovecot's quota_grace for deliveries: while the storage
// used is under the limit, one last message may take it up to `grace` bytes over.
base::Status CheckAppend(const QuotaUsage& usage, const QuotaLimits& limits, uint64_t size,
                         uint64_t grace = 0);

// Dovecot's quota_grace ("10%" of the storage limit, also written "10%%" in a config file,
// or a size such as "10M"), in bytes for `limits`. InvalidArgument when it cannot be read.
base::Result<uint64_t> ParseQuotaGrace(std::string_view value, const QuotaLimits& limits);

// The Maildir++ quota file at the root: a first line with the limits ("1073741824S,10000C"),
// then one "bytes messages" line per change, recounted from the files when it is missing,
// larger than 5120 bytes or its limits line differs from the configured limits (Maildir++
// rules).
class MaildirSize {
 public:
  MaildirSize(std::string root, QuotaLimits limits);

  base::Result<QuotaUsage> Usage();
  // QuotaExceeded when adding one message of `size` bytes would pass a limit.
  base::Status CheckAppend(uint64_t size);
  // Records a change (an append: +size +1; an expunge: -size -1) with one O_APPEND write.
  base::Status Record(int64_t bytes, int64_t messages);

 private:
  base::Status Recount();
  std::string path_;
  std::string root_;
  QuotaLimits limits_;
};

}  // namespace storage
