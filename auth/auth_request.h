// What a passdb or userdb lookup is asked about: the login name and where the login comes
// from. Drivers read it to expand %u, %s, %r ... in their queries and paths.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace auth {

// Dovecot's extra fields: "key=value" pairs in order; a flag such as "nologin" has value "".
using Fields = std::vector<std::pair<std::string, std::string>>;

// The value of the last `key` in `fields`, or nullptr.
const std::string* FindField(const Fields& fields, std::string_view key);

struct AuthRequest {
  std::string user;        // as the client gave it (after auth_username_format)
  std::string service;     // "imap", "pop3", "smtp", "sieve", "lmtp", ...
  std::string remote_ip;   // empty when unknown (UNIX socket, tests)
  std::string local_ip;
  bool secured = false;    // TLS, or a connection from this host
  // The password the client gave, for %w in queries; empty for non-plaintext mechanisms.
  std::string password;
};

}  // namespace auth
