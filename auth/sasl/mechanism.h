// A SASL server mechanism (RFC 4422) as a state machine over raw bytes: the protocol layer
// (Dovecot auth protocol, IMAP AUTHENTICATE, ManageSieve, ...) does the base64 and the
// transport. A mechanism asks a CredentialSource for what it needs; policy after a
// successful exchange (nologin, allow_nets, userdb) is the Authenticator's.
//
// Steps may block (the source may query SQL): callers run them on worker threads. One
// Mechanism object serves one exchange and is not shared between threads at once.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/auth_request.h"
#include "auth/password_scheme.h"

namespace auth::sasl {

// The answer to "is this the password of this user?" (PLAIN, LOGIN).
struct PlainVerdict {
  enum class Status { kOk, kFail, kTempFail };
  Status status = Status::kFail;
  std::string user;  // canonical name from the passdb when kOk
  Fields fields;     // passdb extra fields when kOk
};

// The stored password for a user (CRAM-MD5, SCRAM): `stored` is the passdb's value with its
// "{SCHEME}" prefix when it had one; `default_scheme` applies when it had none.
struct Credentials {
  enum class Status { kFound, kNotFound, kTempFail };
  Status status = Status::kNotFound;
  std::string user;
  std::string stored;
  std::string default_scheme = "PLAIN";
  Fields fields;
};

class CredentialSource {
 public:
  virtual ~CredentialSource() = default;
  virtual PlainVerdict VerifyPlain(std::string_view user, std::string_view password) = 0;
  virtual Credentials LookupCredentials(std::string_view user) = 0;
  // The (normalized) user the mechanism last asked about, so that a failed login's log line
  // can name who tried; empty when the source does not track it.
  virtual std::string_view last_user() const { return {}; }
};

struct Step {
  enum class Kind {
    kContinue,  // send `data` as a challenge, wait for the client's response
    kSuccess,   // authenticated as `user`; `data` is additional success data (SCRAM's v=)
    kFailure,   // wrong credentials or a malformed exchange; `reason` for the log
    kTempFail,  // the credential source could not answer
  };
  Kind kind = Kind::kFailure;
  std::string data;
  std::string user;
  Fields fields;
  std::string reason;
};

class Mechanism {
 public:
  virtual ~Mechanism() = default;
  // The first step, with the client's initial response when it sent one (an empty initial
  // response is not the same as none: RFC 4422 §5).
  virtual Step Start(std::optional<std::string_view> initial_response) = 0;
  // The client's answer to the last kContinue.
  virtual Step Next(std::string_view response) = 0;
};

struct MechanismInfo {
  std::string name;        // "PLAIN", "SCRAM-SHA-256"
  bool plaintext = false;  // sends the password in the clear (refused by disable_plaintext_auth)
  bool needs_credentials = false;  // needs the stored password (CRAM-MD5, SCRAM), not just a check
};

// The mechanisms this build has, in the order Dovecot announces them.
const std::vector<MechanismInfo>& KnownMechanisms();
const MechanismInfo* FindMechanism(std::string_view name);  // case-insensitive

// Seconds since the epoch from the system clock.
int64_t SystemUnixTime();

// Where challenges, nonces and salts come from; injectable so tests are deterministic.
struct MechanismEnv {
  RandomBytes random = SystemRandomBytes;
  std::function<int64_t()> unix_time = SystemUnixTime;  // CRAM-MD5's challenge timestamp
};

// A fresh exchange of mechanism `name` (as in KnownMechanisms, any case) against `source`,
// which must outlive it; nullptr for an unknown name. `server_name` is the host name CRAM-MD5
// puts in its challenge.
std::unique_ptr<Mechanism> NewMechanism(std::string_view name, CredentialSource& source,
                                        std::string_view server_name, const MechanismEnv& env = {});

}  // namespace auth::sasl
