// Password schemes as Dovecot writes and checks them ("{SHA512-CRYPT}$6$...", "{SSHA256}...",
// "{PBKDF2}$1$salt$rounds$hex", "{CRAM-MD5}<hex>"), with `.HEX`/`.B64` encoding suffixes and a
// default scheme for stored passwords without a prefix (`default_pass_scheme`). Hashing
// through OpenSSL and libxcrypt; pure otherwise (salts come from the caller's random source).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace auth {

// Random bytes for salts (OpenSSL's RAND_bytes in production, fixed in tests).
using RandomBytes = std::function<std::string(size_t count)>;
std::string SystemRandomBytes(size_t count);

// Whether `password` matches `stored`. InvalidArgument for an unknown scheme or a stored
// value the scheme cannot read (a broken hash), so that a typo in the user database is an
// error in the log rather than a silent "wrong password".
base::Result<bool> VerifyPassword(std::string_view stored, std::string_view password,
                                  std::string_view default_scheme = "PLAIN");

// `password` hashed with `scheme` ("SHA512-CRYPT", "SSHA256.HEX", ...), with the "{SCHEME}"
// prefix, as `doveadm pw -s SCHEME` prints it.
base::Result<std::string> HashPassword(std::string_view scheme, std::string_view password,
                                       const RandomBytes& random = SystemRandomBytes);

// The schemes this build knows, for `roost pw -l`.
std::vector<std::string> KnownSchemes();

// CRAM-MD5 needs the password itself or this scheme's stored context; true when `stored`
// (with its prefix) can serve a SASL mechanism needing plaintext (PLAIN, CLEARTEXT).
bool IsPlaintextScheme(std::string_view stored, std::string_view default_scheme);

}  // namespace auth
