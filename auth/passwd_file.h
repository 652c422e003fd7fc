// Dovecot's passwd-file user database: one user per line,
//   user:password:uid:gid:gecos:home:shell:extra_fields
// with trailing fields optional and extra fields "key=value" separated by spaces
// ("userdb_quota_rule=*:storage=1G nologin"). Lines starting with '#' and empty lines are
// skipped. Used as passdb (password + extra fields) and userdb (uid, gid, home, extra fields).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace auth {

struct PasswdEntry {
  std::string user;
  std::string password;  // as stored, usually "{SCHEME}hash"
  std::string uid, gid, gecos, home, shell;
  std::vector<std::pair<std::string, std::string>> extra;  // in order; "nologin" has value ""
};

class PasswdFile {
 public:
  // Corruption naming the line for a line without a user name or with a bad extra field.
  // A line holding only a name is an entry without a password (deny lists).
  static base::Result<PasswdFile> Parse(std::string_view text);
  static base::Result<PasswdFile> Load(const std::string& path);

  const PasswdEntry* Find(std::string_view user) const;
  size_t size() const { return entries_.size(); }

 private:
  std::map<std::string, PasswdEntry, std::less<>> entries_;
};

}  // namespace auth
