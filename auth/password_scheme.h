// Password schemes as Dovecot writes and checks them ("{SHA512-CRYPT}$6$...", "{SSHA256}...",
// "{PBKDF2}$1$salt$rounds$hex", "{CRAM-MD5}<hex>", "{SCRAM-SHA-256}<iter>,<salt>,<keys>"), with
// `.HEX`/`.B64` encoding suffixes and a default scheme for stored passwords without a prefix
// (`default_pass_scheme`). Hashing through OpenSSL and libxcrypt; pure otherwise (salts come from
// the caller's random source).
#pragma once

#include <cstdint>
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

// ---- What the SASL mechanisms (auth/sasl) need from stored passwords ----

// Equality that takes the same time wherever the first difference is (CRYPTO_memcmp).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// RFC 4648 §4 base64 with padding; Base64Decode is nullopt for anything else.
std::string Base64Encode(std::string_view bytes);
std::optional<std::string> Base64Decode(std::string_view text);

// The password itself when `stored` is in a plaintext scheme (also PLAIN.HEX, PLAIN.B64).
std::optional<std::string> StoredPlaintext(std::string_view stored,
                                           std::string_view default_scheme);

// RFC 2195's digest, HMAC-MD5 keyed by the password over `challenge`, from a stored plaintext
// password or from Dovecot's {CRAM-MD5} context (which finishes the HMAC without knowing the
// password). Unsupported when the stored scheme can serve neither way; InvalidArgument when
// the stored value is unreadable.
base::Result<std::string> CramMd5Digest(std::string_view stored, std::string_view default_scheme,
                                        std::string_view challenge);

// SCRAM (RFC 5802 §3): what the server keeps instead of the password.
enum class ScramHash { kSha1, kSha256 };
struct ScramKeys {
  uint32_t iterations = 0;
  std::string salt;        // raw bytes
  std::string stored_key;  // H(ClientKey)
  std::string server_key;  // HMAC(SaltedPassword, "Server Key")
};
// Dovecot's iteration count for new SCRAM hashes (RFC 7677 §4 asks for at least 4096).
inline constexpr uint32_t kScramIterations = 4096;
inline constexpr size_t kScramSaltBytes = 16;

// Unsupported only when OpenSSL's PBKDF2 itself fails.
base::Result<ScramKeys> DeriveScramKeys(ScramHash hash, std::string_view password,
                                        std::string_view salt, uint32_t iterations);
// The keys for an exchange with `hash`: stored ones from the matching {SCRAM-SHA-*} scheme, or
// derived from a plaintext password with a fresh salt. Unsupported for any other scheme
// (including the other SCRAM hash); InvalidArgument when the stored value is unreadable.
base::Result<ScramKeys> ScramKeysFromStored(ScramHash hash, std::string_view stored,
                                            std::string_view default_scheme,
                                            const RandomBytes& random);
// H() and HMAC() of RFC 5802 §2.2 with `hash`.
std::string ScramDigest(ScramHash hash, std::string_view data);
std::string ScramHmac(ScramHash hash, std::string_view key, std::string_view data);

}  // namespace auth
