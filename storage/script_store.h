// A user's Sieve scripts in Pigeonhole's file layout: `sieve_dir` holds <name>.sieve (and the
// compiled <name>.svbin beside it), and the active script is a symbolic link (the `sieve`
// setting, e.g. ~/.dovecot.sieve -> sieve/vacation.sieve). Writes are atomic (temp file and
// rename, link replaced by rename); quotas are Pigeonhole's sieve_quota_max_scripts and
// sieve_quota_max_storage. Compiling is the caller's business: storage knows no Sieve.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace storage {

struct ScriptQuota {
  size_t max_scripts = 0;     // 0 = unlimited
  uint64_t max_storage = 0;   // bytes over all scripts; 0 = unlimited
};

struct ScriptInfo {
  std::string name;
  bool active = false;
};

class ScriptStore {
 public:
  ScriptStore(std::string sieve_dir, std::string active_link, ScriptQuota quota = {});

  // Why `name` cannot name a script (RFC 5804 §1.6 and the file layout: not empty, at most
  // kMaxScriptNameLength characters, valid UTF-8 without control characters or '/'), if so.
  static std::optional<std::string> CheckName(std::string_view name);

  base::Result<std::vector<ScriptInfo>> List() const;  // by name
  base::Result<std::string> Read(std::string_view name) const;
  // QuotaExceeded when storing `size` bytes as `name` would pass a quota (RFC 5804 HAVESPACE).
  base::Status CheckSpace(std::string_view name, uint64_t size) const;
  // Stores `content` as `name` atomically (replacing it, active or not) after CheckSpace.
  base::Status Put(std::string_view name, std::string_view content);
  // InvalidArgument for the active script (RFC 5804 §2.10: it must be deactivated first).
  base::Status Delete(std::string_view name);
  // The active script stays active under its new name; InvalidArgument when `to` exists.
  base::Status Rename(std::string_view from, std::string_view to);
  // Makes `name` active; an empty name deactivates. A regular file where the link should be
  // (a script written by hand) is first kept in sieve_dir as "dovecot.orig", as Pigeonhole does.
  base::Status Activate(std::string_view name);
  base::Result<std::optional<std::string>> ActiveName() const;

 private:
  std::string PathOf(std::string_view name) const;
  std::string dir_;
  std::string link_;
  ScriptQuota quota_;
};

}  // namespace storage
