// The auth process's core, independent of sockets: logins checked against the passdb chain
// (with the cache), the policy a passdb's extra fields set (nologin, allow_nets, user),
// userdb lookups, and which SASL mechanisms a connection may use. Its methods block on the
// databases; the auth server calls them from worker threads. Thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/auth_cache.h"
#include "auth/auth_penalty.h"
#include "auth/auth_request.h"
#include "auth/auth_settings.h"
#include "auth/db/databases.h"
#include "auth/ip_network.h"
#include "auth/sasl/mechanism.h"
#include "base/result.h"

namespace auth {

struct AuthOutcome {
  enum class Status { kOk, kFail, kTempFail };
  Status status = Status::kFail;
  std::string user;  // canonical name (a passdb may change it)
  // For kOk: the passdb's extra fields (no password), userdb_* ones included.
  Fields fields;
  std::string log_reason;     // why, for the log line; never sent to the client
  std::string client_reason;  // `reason=` a passdb gave (with nologin); may go to the client
};

struct UserOutcome {
  LookupResult::Status status = LookupResult::Status::kNotFound;
  std::string user;
  Fields fields;  // home, mail, uid, gid, quota_rule, ...
  std::string error;
};

class Authenticator {
 public:
  // InvalidArgument for a bad login_trusted_networks or a mechanism this build lacks.
  static base::Result<std::unique_ptr<Authenticator>> Create(AuthSettings settings,
                                                             Databases databases);

  // The login name as the databases see it: auth_username_chars checked, the default realm
  // added, auth_username_format applied. nullopt for a name with forbidden characters.
  std::optional<std::string> NormalizeUser(std::string_view raw) const;

  // A plaintext login (PLAIN, LOGIN, `roost auth test`): passdb chain, password check,
  // then (unless `apply_policy` is false: a SASL exchange applies it after the mechanism)
  // the policy of Finish(). `request.user` must be normalized.
  AuthOutcome VerifyPlain(const AuthRequest& request, std::string_view password,
                          bool apply_policy = true);
  // The stored password of the first passdb that knows the user, for CRAM-MD5 and SCRAM.
  sasl::Credentials LookupCredentials(const AuthRequest& request);
  // The policy after a successful password check: nologin, allow_nets, a changed user name.
  AuthOutcome Finish(const AuthRequest& request, std::string user, Fields fields);

  // The userdb chain. `prefetched`: the userdb_* fields of the login (prefix removed).
  UserOutcome LookupUser(const AuthRequest& request, const Fields& prefetched = {});

  // A CredentialSource for one SASL exchange of `request` (user filled in per step).
  std::unique_ptr<sasl::CredentialSource> NewCredentialSource(const AuthRequest& request);

  // auth_mechanisms, in order; on an insecure connection with disable_plaintext_auth the
  // plaintext ones are left out.
  std::vector<sasl::MechanismInfo> Mechanisms(bool secured) const;
  bool MechanismAllowed(std::string_view name, bool secured) const;

  // Whether a lookup may wait on the network (an SQL database in a chain). When not, the
  // auth server answers on its event loop, as Dovecot's auth process does: handing a
  // lookup from memory to a worker thread costs more than the lookup.
  bool MayBlock() const;

  // Whether `ip` is in login_trusted_networks (no penalty, treated as secured).
  bool Trusted(std::string_view ip) const;
  const AuthSettings& settings() const { return settings_; }
  AuthCache& cache() { return cache_; }
  AuthPenalty& penalty() { return penalty_; }

 private:
  Authenticator(AuthSettings settings, Databases databases, IpNetworks trusted);
  struct PassResult;
  PassResult PassChain(const AuthRequest& request, std::optional<std::string_view> password);
  LookupResult CachedPassLookup(size_t index, const AuthRequest& request, bool bypass_cache);

  const AuthSettings settings_;
  Databases databases_;
  const IpNetworks trusted_;
  AuthCache cache_;
  AuthPenalty penalty_;
};

// The userdb_* fields of a passdb answer with the prefix removed, for prefetch.
Fields PrefetchedFields(const Fields& passdb_fields);

}  // namespace auth
