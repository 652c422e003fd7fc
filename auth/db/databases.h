// The passdb and userdb chains of a configuration: every top-level `passdb { }` and
// `userdb { }` section, in file order, opened through its driver. Databases sharing args
// (a passwd-file or an SQL connection used as both passdb and userdb) share one handle.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "auth/user_db.h"
#include "base/result.h"
#include "config/config.h"

namespace auth {

// Dovecot's result_* actions.
enum class ChainAction { kReturnOk, kReturnFail, kReturn, kContinue, kContinueOk, kContinueFail };

// What passdb and userdb sections share: their place in the chain and field rewriting.
struct ChainSlot {
  std::string where;  // "file:line" of the section, for logs
  ChainAction result_success = ChainAction::kReturnOk;
  ChainAction result_failure = ChainAction::kContinue;
  ChainAction result_internalfailure = ChainAction::kContinue;
  Fields default_fields, override_fields;
};

struct PassDbSlot : ChainSlot {
  std::unique_ptr<PassDb> db;
  std::string default_scheme;  // for stored passwords without a {SCHEME}
  bool deny = false;           // a user found here is refused
};

struct UserDbSlot : ChainSlot {
  std::unique_ptr<UserDb> db;
};

struct Databases {
  std::vector<PassDbSlot> passdbs;
  std::vector<UserDbSlot> userdbs;
};

// InvalidArgument naming the section's file:line for an unknown driver, bad args or a bad
// result_* value; the SQL driver's errors for a broken dovecot-sql.conf.ext.
base::Result<Databases> OpenDatabases(const config::Config& config);

}  // namespace auth
