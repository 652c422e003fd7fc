#include "auth/password_scheme.h"

#include <algorithm>
#include <cstring>

#include <crypt.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/md5.h>
#include <openssl/rand.h>

#include "base/strings.h"

namespace auth {
namespace {

enum class Encoding { kNone, kBase64, kHex };

struct Scheme {
  std::string_view name;
  enum class Kind { kPlain, kCrypt, kDigest, kSaltedDigest, kPbkdf2, kCramMd5, kScram } kind;
  const char* digest = nullptr;  // OpenSSL digest name for (salted) digests
  Encoding default_encoding = Encoding::kNone;
  const char* crypt_prefix = nullptr;  // crypt(3) method for new hashes ("$6$")
  size_t salt_bytes = 0;               // for new salted digests
};

constexpr Scheme kSchemes[] = {
    {"PLAIN", Scheme::Kind::kPlain},
    {"CLEAR", Scheme::Kind::kPlain},
    {"CLEARTEXT", Scheme::Kind::kPlain},
    {"CRYPT", Scheme::Kind::kCrypt, nullptr, Encoding::kNone, "$2y$"},
    {"DES-CRYPT", Scheme::Kind::kCrypt, nullptr, Encoding::kNone, ""},
    {"MD5-CRYPT", Scheme::Kind::kCrypt, nullptr, Encoding::kNone, "$1$"},
    {"MD5", Scheme::Kind::kCrypt, nullptr, Encoding::kNone, "$1$"},  // Dovecot's alias
    {"SHA256-CRYPT", Scheme::Kind::kCrypt, nullptr, Encoding::kNone, "$5$"},
    {"SHA512-CRYPT", Scheme::Kind::kCrypt, nullptr, Encoding::kNone, "$6$"},
    {"BLF-CRYPT", Scheme::Kind::kCrypt, nullptr, Encoding::kNone, "$2y$"},
    {"SHA", Scheme::Kind::kDigest, "SHA1", Encoding::kBase64},
    {"SHA1", Scheme::Kind::kDigest, "SHA1", Encoding::kBase64},
    {"SHA256", Scheme::Kind::kDigest, "SHA256", Encoding::kBase64},
    {"SHA512", Scheme::Kind::kDigest, "SHA512", Encoding::kBase64},
    {"PLAIN-MD5", Scheme::Kind::kDigest, "MD5", Encoding::kHex},
    {"LDAP-MD5", Scheme::Kind::kDigest, "MD5", Encoding::kBase64},
    {"SSHA", Scheme::Kind::kSaltedDigest, "SHA1", Encoding::kBase64, nullptr, 4},
    {"SSHA256", Scheme::Kind::kSaltedDigest, "SHA256", Encoding::kBase64, nullptr, 4},
    {"SSHA512", Scheme::Kind::kSaltedDigest, "SHA512", Encoding::kBase64, nullptr, 4},
    {"SMD5", Scheme::Kind::kSaltedDigest, "MD5", Encoding::kBase64, nullptr, 4},
    {"PBKDF2", Scheme::Kind::kPbkdf2},
    {"CRAM-MD5", Scheme::Kind::kCramMd5, nullptr, Encoding::kHex},
    {"SCRAM-SHA-1", Scheme::Kind::kScram, "SHA1"},
    {"SCRAM-SHA-256", Scheme::Kind::kScram, "SHA256"},
};

constexpr int kPbkdf2Rounds = 5000;  // Dovecot's default
// A stored iteration count above this is a broken (or hostile) passdb entry, not a hash worth
// spending minutes of CPU on.
constexpr uint64_t kMaxStoredRounds = 10'000'000;

const Scheme* FindScheme(std::string_view name) {
  for (const Scheme& s : kSchemes) {
    if (base::EqualsIgnoreCase(s.name, name)) return &s;
  }
  return nullptr;
}

std::string Digest(const char* name, std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_get_digestbyname(name), nullptr);
  return std::string(reinterpret_cast<char*>(md), len);
}

size_t DigestSize(const char* name) {
  return static_cast<size_t>(EVP_MD_get_size(EVP_get_digestbyname(name)));
}

std::string Hmac(const char* digest, std::string_view key, std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_get_digestbyname(digest), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), md, &len);
  return std::string(reinterpret_cast<char*>(md), len);
}

// Dovecot's CRAM-MD5 "hash": the MD5 states after the HMAC inner and outer pad blocks,
// little-endian words, outer first (so a server can finish HMAC-MD5 without the password).
std::string CramMd5Context(std::string_view password) {
  std::string key(password);
  if (key.size() > 64) key = Digest("MD5", key);
  key.resize(64, '\0');
  std::string ipad = key, opad = key;
  for (char& c : ipad) c ^= 0x36;
  for (char& c : opad) c ^= 0x5c;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  // The low-level MD5 API is the only one that exposes the intermediate state.
  MD5_CTX inner, outer;
  MD5_Init(&inner);
  MD5_Update(&inner, ipad.data(), 64);
  MD5_Init(&outer);
  MD5_Update(&outer, opad.data(), 64);
  std::string out;
  for (MD5_LONG word : {outer.A, outer.B, outer.C, outer.D, inner.A, inner.B, inner.C, inner.D}) {
    for (int shift = 0; shift < 32; shift += 8)
      out.push_back(static_cast<char>((word >> shift) & 0xff));
  }
#pragma GCC diagnostic pop
  return out;
}

// PBKDF2-HMAC (RFC 8018 §5.2) with one block's worth of output, as both PBKDF2 and SCRAM's
// Hi() (RFC 5802 §2.2) use it.
std::optional<std::string> Pbkdf2(const char* digest, std::string_view password,
                                  std::string_view salt, int rounds) {
  std::string out(DigestSize(digest), '\0');
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                        reinterpret_cast<const unsigned char*>(salt.data()),
                        static_cast<int>(salt.size()), rounds, EVP_get_digestbyname(digest),
                        static_cast<int>(out.size()),
                        reinterpret_cast<unsigned char*>(out.data())) != 1) {
    return std::nullopt;
  }
  return out;
}

std::optional<std::string> Crypt(std::string_view password, const std::string& setting) {
  crypt_data data{};
  const char* out = crypt_r(std::string(password).c_str(), setting.c_str(), &data);
  if (out == nullptr || out[0] == '*') return std::nullopt;  // libxcrypt's failure token
  return std::string(out);
}

// "{SCHEME.ENC}rest" -> scheme, encoding, rest.
struct Parsed {
  const Scheme* scheme = nullptr;
  std::optional<Encoding> encoding;
  std::string_view value;
  std::string name;
};

base::Result<Parsed> ParseStored(std::string_view stored, std::string_view default_scheme) {
  Parsed out;
  std::string_view name = default_scheme;
  out.value = stored;
  if (stored.starts_with('{')) {
    size_t close = stored.find('}');
    if (close != std::string_view::npos) {
      name = stored.substr(1, close - 1);
      out.value = stored.substr(close + 1);
    }
  }
  out.name = std::string(name);
  if (size_t dot = name.rfind('.'); dot != std::string_view::npos) {
    std::string_view enc = name.substr(dot + 1);
    if (base::EqualsIgnoreCase(enc, "HEX")) out.encoding = Encoding::kHex;
    if (base::EqualsIgnoreCase(enc, "B64") || base::EqualsIgnoreCase(enc, "BASE64")) {
      out.encoding = Encoding::kBase64;
    }
    if (out.encoding) name = name.substr(0, dot);
  }
  out.scheme = FindScheme(name);
  if (out.scheme == nullptr) {
    return base::Err(base::Status::InvalidArgument("unknown password scheme '" + out.name + "'"));
  }
  return out;
}

std::optional<std::string> Decode(std::string_view value, Encoding encoding) {
  switch (encoding) {
    case Encoding::kHex:
      return base::HexDecode(value);
    case Encoding::kBase64:
      return Base64Decode(value);
    case Encoding::kNone:
      return std::string(value);
  }
  return std::nullopt;
}

// The stored value without its ".HEX"/".B64" layer (or the scheme's own default encoding).
std::optional<std::string> DecodedValue(const Parsed& parsed) {
  return Decode(parsed.value, parsed.encoding.value_or(parsed.scheme->default_encoding));
}

std::string Encode(std::string_view bytes, Encoding encoding) {
  return encoding == Encoding::kHex      ? base::HexEncode(bytes)
         : encoding == Encoding::kBase64 ? Base64Encode(bytes)
                                         : std::string(bytes);
}

// Salts for crypt(3) methods and PBKDF2 use this alphabet.
std::string SaltText(const RandomBytes& random, size_t length) {
  static constexpr char kAlphabet[] =
      "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  std::string bytes = random(length), out;
  for (char c : bytes) out.push_back(kAlphabet[static_cast<unsigned char>(c) % 64]);
  return out;
}

bool IsBase64Char(char c) {
  return base::IsAsciiAlpha(c) || base::IsAsciiDigit(c) || c == '+' || c == '/';
}

// Finishes HMAC-MD5 over `challenge` from Dovecot's stored context (see CramMd5Context): each
// MD5 state resumes as it was after hashing its 64-byte pad block.
std::string CramMd5FromContext(std::string_view context, std::string_view challenge) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  // The low-level MD5 API is the only one that lets a state be restored.
  auto resume = [&](size_t offset, MD5_CTX& ctx) {
    MD5_Init(&ctx);
    MD5_LONG* words[] = {&ctx.A, &ctx.B, &ctx.C, &ctx.D};
    for (size_t w = 0; w < 4; ++w) {
      MD5_LONG value = 0;
      for (size_t b = 4; b-- > 0;)
        value = (value << 8) | static_cast<unsigned char>(context[offset + w * 4 + b]);
      *words[w] = value;
    }
    ctx.Nl = 64 * 8;  // the bit count so far: one pad block
  };
  MD5_CTX outer, inner;
  resume(0, outer);
  resume(16, inner);
  unsigned char inner_md[MD5_DIGEST_LENGTH], md[MD5_DIGEST_LENGTH];
  MD5_Update(&inner, challenge.data(), challenge.size());
  MD5_Final(inner_md, &inner);
  MD5_Update(&outer, inner_md, sizeof inner_md);
  MD5_Final(md, &outer);
#pragma GCC diagnostic pop
  return std::string(reinterpret_cast<char*>(md), sizeof md);
}

const char* DigestName(ScramHash hash) { return hash == ScramHash::kSha1 ? "SHA1" : "SHA256"; }

// RFC 5802 §3: SaltedPassword := Hi(password, salt, i); StoredKey := H(HMAC(SaltedPassword,
// "Client Key")); ServerKey := HMAC(SaltedPassword, "Server Key").
std::optional<ScramKeys> DeriveScram(const char* digest, std::string_view password,
                                     std::string_view salt, uint32_t iterations) {
  auto salted = Pbkdf2(digest, password, salt, static_cast<int>(iterations));
  if (!salted) return std::nullopt;
  return ScramKeys{iterations, std::string(salt),
                   Digest(digest, Hmac(digest, *salted, "Client Key")),
                   Hmac(digest, *salted, "Server Key")};
}

// Dovecot's "<iterations>,<b64 salt>,<b64 StoredKey>,<b64 ServerKey>".
std::optional<ScramKeys> ParseScram(std::string_view value, const char* digest) {
  std::vector<std::string_view> f = base::SplitString(value, ',');
  if (f.size() != 4) return std::nullopt;
  auto iterations = base::ParseUint64(f[0]);
  auto salt = Base64Decode(f[1]), stored_key = Base64Decode(f[2]), server_key = Base64Decode(f[3]);
  size_t size = DigestSize(digest);
  if (!iterations || *iterations == 0 || *iterations > kMaxStoredRounds || !salt || salt->empty() ||
      !stored_key || stored_key->size() != size || !server_key || server_key->size() != size) {
    return std::nullopt;
  }
  return ScramKeys{static_cast<uint32_t>(*iterations), *salt, *stored_key, *server_key};
}

std::string FormatScram(const ScramKeys& keys) {
  return std::to_string(keys.iterations) + "," + Base64Encode(keys.salt) + "," +
         Base64Encode(keys.stored_key) + "," + Base64Encode(keys.server_key);
}

base::Status Broken(const Parsed& parsed) {
  return base::Status::InvalidArgument("stored password for scheme " + parsed.name +
                                       " is malformed");
}

}  // namespace

std::string SystemRandomBytes(size_t count) {
  std::string out(count, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(count)) != 1) {
    // Without randomness a salt is not worth having: abort rather than weaken every hash.
    std::abort();
  }
  return out;
}

base::Result<bool> VerifyPassword(std::string_view stored, std::string_view password,
                                  std::string_view default_scheme) {
  auto parsed = ParseStored(stored, default_scheme);
  if (!parsed) return base::Err(parsed.error());
  const Scheme& scheme = *parsed->scheme;
  auto broken = [&] { return base::Err(Broken(*parsed)); };
  switch (scheme.kind) {
    case Scheme::Kind::kPlain: {
      auto plain = DecodedValue(*parsed);
      if (!plain) return broken();
      return ConstantTimeEquals(*plain, password);
    }
    case Scheme::Kind::kCrypt: {
      auto hashed = Crypt(password, std::string(parsed->value));
      if (!hashed) return broken();
      return ConstantTimeEquals(*hashed, parsed->value);
    }
    case Scheme::Kind::kDigest: {
      auto expected = DecodedValue(*parsed);
      if (!expected || expected->size() != DigestSize(scheme.digest)) return broken();
      return ConstantTimeEquals(Digest(scheme.digest, password), *expected);
    }
    case Scheme::Kind::kSaltedDigest: {
      auto raw = DecodedValue(*parsed);
      size_t size = DigestSize(scheme.digest);
      if (!raw || raw->size() < size) return broken();
      std::string_view salt = std::string_view(*raw).substr(size);
      return ConstantTimeEquals(Digest(scheme.digest, std::string(password) + std::string(salt)),
                                std::string_view(*raw).substr(0, size));
    }
    case Scheme::Kind::kPbkdf2: {
      // "$1$<salt>$<rounds>$<hex>"
      std::vector<std::string_view> f = base::SplitString(parsed->value, '$');
      if (f.size() != 5 || !f[0].empty() || f[1] != "1") return broken();
      auto rounds = base::ParseUint64(f[3]);
      auto expected = base::HexDecode(f[4]);
      if (!rounds || *rounds == 0 || *rounds > kMaxStoredRounds || !expected) return broken();
      auto actual = Pbkdf2("SHA1", password, f[2], static_cast<int>(*rounds));
      if (!actual) return broken();
      return ConstantTimeEquals(*actual, expected->substr(0, actual->size())) &&
             expected->size() == actual->size();
    }
    case Scheme::Kind::kCramMd5: {
      auto expected = DecodedValue(*parsed);
      if (!expected || expected->size() != 32) return broken();
      return ConstantTimeEquals(CramMd5Context(password), *expected);
    }
    case Scheme::Kind::kScram: {
      auto value = DecodedValue(*parsed);
      auto expected = value ? ParseScram(*value, scheme.digest) : std::nullopt;
      if (!expected) return broken();
      auto actual = DeriveScram(scheme.digest, password, expected->salt, expected->iterations);
      if (!actual) return broken();
      return ConstantTimeEquals(actual->stored_key, expected->stored_key) &&
             ConstantTimeEquals(actual->server_key, expected->server_key);
    }
  }
  return broken();
}

base::Result<std::string> HashPassword(std::string_view scheme_name, std::string_view password,
                                       const RandomBytes& random) {
  auto parsed = ParseStored("{" + std::string(scheme_name) + "}", "");
  if (!parsed) return base::Err(parsed.error());
  const Scheme& scheme = *parsed->scheme;
  Encoding encoding = parsed->encoding.value_or(scheme.default_encoding);
  std::string value;
  switch (scheme.kind) {
    case Scheme::Kind::kPlain:
      value = Encode(password, encoding);
      break;
    case Scheme::Kind::kCrypt: {
      std::string prefix = scheme.crypt_prefix;
      std::string setting = prefix == "$2y$" ? "$2y$05$" + SaltText(random, 22)
                            : prefix.empty()
                                ? SaltText(random, 2)
                                : prefix + SaltText(random, prefix == "$1$" ? 8 : 16) + "$";
      auto hashed = Crypt(password, setting);
      if (!hashed)
        return base::Err(base::Status::Unsupported("crypt(3) cannot make " + parsed->name));
      value = *hashed;
      break;
    }
    case Scheme::Kind::kDigest:
      value = Encode(Digest(scheme.digest, password), encoding);
      break;
    case Scheme::Kind::kSaltedDigest: {
      std::string salt = random(scheme.salt_bytes);
      value = Encode(Digest(scheme.digest, std::string(password) + salt) + salt, encoding);
      break;
    }
    case Scheme::Kind::kPbkdf2: {
      std::string salt = SaltText(random, 16);
      auto hashed = Pbkdf2("SHA1", password, salt, kPbkdf2Rounds);
      if (!hashed) return base::Err(base::Status::Unsupported("PBKDF2 failed"));
      value = "$1$" + salt + "$" + std::to_string(kPbkdf2Rounds) + "$" + base::HexEncode(*hashed);
      break;
    }
    case Scheme::Kind::kCramMd5:
      value = Encode(CramMd5Context(password), encoding);
      break;
    case Scheme::Kind::kScram: {
      auto keys = DeriveScram(scheme.digest, password, random(kScramSaltBytes), kScramIterations);
      if (!keys) return base::Err(base::Status::Unsupported("PBKDF2 failed"));
      value = Encode(FormatScram(*keys), encoding);
      break;
    }
  }
  return "{" + base::AsciiToUpper(parsed->name) + "}" + value;
}

std::vector<std::string> KnownSchemes() {
  std::vector<std::string> names;
  for (const Scheme& s : kSchemes) names.emplace_back(s.name);
  return names;
}

bool IsPlaintextScheme(std::string_view stored, std::string_view default_scheme) {
  auto parsed = ParseStored(stored, default_scheme);
  return parsed && parsed->scheme->kind == Scheme::Kind::kPlain;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string Base64Encode(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(bytes.data()),
                          static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::optional<std::string> Base64Decode(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  size_t padding = text.ends_with("==") ? 2 : text.ends_with("=") ? 1 : 0;
  // EVP_DecodeBlock skips surrounding whitespace; RFC 4648 §3.3 says to reject it.
  if (!std::all_of(text.begin(), text.end() - static_cast<std::ptrdiff_t>(padding), IsBase64Char)) {
    return std::nullopt;
  }
  std::string out(text.size() / 4 * 3 + 1, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(text.data()),
                          static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  out.resize(static_cast<size_t>(n) - padding);  // EVP_DecodeBlock counts padding as zeros
  return out;
}

std::optional<std::string> StoredPlaintext(std::string_view stored,
                                           std::string_view default_scheme) {
  auto parsed = ParseStored(stored, default_scheme);
  if (!parsed || parsed->scheme->kind != Scheme::Kind::kPlain) return std::nullopt;
  return DecodedValue(*parsed);
}

base::Result<std::string> CramMd5Digest(std::string_view stored, std::string_view default_scheme,
                                        std::string_view challenge) {
  auto parsed = ParseStored(stored, default_scheme);
  if (!parsed) return base::Err(parsed.error());
  Scheme::Kind kind = parsed->scheme->kind;
  if (kind != Scheme::Kind::kPlain && kind != Scheme::Kind::kCramMd5) {
    return base::Err(base::Status::Unsupported("the stored scheme cannot be used with CRAM-MD5"));
  }
  auto value = DecodedValue(*parsed);
  if (!value || (kind == Scheme::Kind::kCramMd5 && value->size() != 32)) {
    return base::Err(Broken(*parsed));
  }
  if (kind == Scheme::Kind::kPlain) return Hmac("MD5", *value, challenge);
  return CramMd5FromContext(*value, challenge);
}

base::Result<ScramKeys> DeriveScramKeys(ScramHash hash, std::string_view password,
                                        std::string_view salt, uint32_t iterations) {
  auto keys = DeriveScram(DigestName(hash), password, salt, iterations);
  if (!keys) return base::Err(base::Status::Unsupported("PBKDF2 failed"));
  return *keys;
}

base::Result<ScramKeys> ScramKeysFromStored(ScramHash hash, std::string_view stored,
                                            std::string_view default_scheme,
                                            const RandomBytes& random) {
  auto parsed = ParseStored(stored, default_scheme);
  if (!parsed) return base::Err(parsed.error());
  const Scheme& scheme = *parsed->scheme;
  bool same_scram =
      scheme.kind == Scheme::Kind::kScram && scheme.digest == std::string_view(DigestName(hash));
  if (scheme.kind != Scheme::Kind::kPlain && !same_scram) {
    return base::Err(
        base::Status::Unsupported("the stored scheme cannot be used with SCRAM-" +
                                  std::string(hash == ScramHash::kSha1 ? "SHA-1" : "SHA-256")));
  }
  auto value = DecodedValue(*parsed);
  if (!value) return base::Err(Broken(*parsed));
  if (scheme.kind == Scheme::Kind::kPlain) {
    return DeriveScramKeys(hash, *value, random(kScramSaltBytes), kScramIterations);
  }
  auto keys = ParseScram(*value, scheme.digest);
  if (!keys) return base::Err(Broken(*parsed));
  return *keys;
}

std::string ScramDigest(ScramHash hash, std::string_view data) {
  return Digest(DigestName(hash), data);
}

std::string ScramHmac(ScramHash hash, std::string_view key, std::string_view data) {
  return Hmac(DigestName(hash), key, data);
}

}  // namespace auth
