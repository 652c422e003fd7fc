// The passwd-file passdb and userdb (Dovecot's `driver = passwd-file`):
//   args = [scheme=SCHEME] [username_format=%u] PATH
// PATH may hold %variables (one file per domain: /etc/dovecot/%d/passwd). Each file is read
// on first use and again whenever its mtime or size changes, so an admin's edit is seen
// without a restart. As a passdb it returns the password and the extra fields, plus the
// uid/gid/home columns as userdb_* fields (for prefetch); as a userdb the uid, gid, home
// columns and the userdb_* extra fields without their prefix.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "auth/user_db.h"
#include "base/result.h"

namespace auth {

class PasswdFileSet;

struct PasswdFileArgs {
  std::string path;             // may contain %variables
  std::string scheme;           // default_pass_scheme for this file; empty = CRYPT
  std::string username_format;  // how the key is formed from the login; "%u" by default
};
// InvalidArgument naming the bad word for unknown options or a missing path.
base::Result<PasswdFileArgs> ParsePasswdFileArgs(std::string_view args);

// The shared, reloading file cache; one per args string so that a passdb and a userdb on
// the same file read it once.
std::shared_ptr<PasswdFileSet> NewPasswdFileSet(PasswdFileArgs args);

std::unique_ptr<PassDb> NewPasswdFilePassDb(std::shared_ptr<PasswdFileSet> files);
std::unique_ptr<UserDb> NewPasswdFileUserDb(std::shared_ptr<PasswdFileSet> files);

// The scheme of passwords without a {PREFIX} in this passdb, for verification.
std::string_view PasswdFileScheme(const PasswdFileSet& files);

}  // namespace auth
