// The two lookups behind every login, as in Dovecot: a passdb finds the stored password
// (and extra fields such as nologin or userdb_home); a userdb finds where the user's mail
// lives (home, mail, uid, gid, quota_rule, plugin settings). Drivers only look up: verifying
// the password, nologin, allow_nets and the cache are the caller's (auth/authenticator.h).
//
// Drivers may block (SQL): the auth server calls them from worker threads, so each driver
// must be safe to call from several threads at once.
#pragma once

#include <string>
#include <string_view>

#include "auth/auth_request.h"

namespace auth {

struct LookupResult {
  enum class Status {
    kFound,
    kNotFound,  // no such user: a definite "no", cached as negative
    kTempFail,  // the database could not answer (SQL down, file unreadable): retry later
  };
  Status status = Status::kNotFound;
  // The canonical user name when the database changed it (SQL `user` column; "" = unchanged).
  std::string user;
  // passdb: "password" (stored form, "{SCHEME}...", may be absent with nopassword) plus the
  // extra fields; userdb: home, mail, uid, gid, quota_rule, ... Order as the database gave.
  Fields fields;
  // For kTempFail: why, for the log (never shown to the client).
  std::string error;

  static LookupResult Found(Fields fields, std::string user = {}) {
    return {Status::kFound, std::move(user), std::move(fields), {}};
  }
  static LookupResult NotFound() { return {}; }
  static LookupResult TempFail(std::string why) {
    return {Status::kTempFail, {}, {}, std::move(why)};
  }
};

class PassDb {
 public:
  virtual ~PassDb() = default;
  // The driver name for logs ("passwd-file", "sql", ...).
  virtual std::string_view driver() const = 0;
  virtual LookupResult Lookup(const AuthRequest& request) = 0;
};

class UserDb {
 public:
  virtual ~UserDb() = default;
  virtual std::string_view driver() const = 0;
  // `prefetched` holds the userdb_* fields the passdb returned for this login (prefixes
  // removed), for the prefetch driver; empty for a lookup without a login (LDA, LMTP).
  virtual LookupResult Lookup(const AuthRequest& request, const Fields& prefetched) = 0;
};

}  // namespace auth
