// Password schemes: hashes made by Dovecot's `doveadm pw -p 'pässword 1'` verify, Roost's own
// round-trip, and bad input is an error rather than a silent mismatch.
#include "auth/password_scheme.h"

#include <gtest/gtest.h>

#include "base/strings.h"

namespace auth {
namespace {

constexpr std::string_view kPassword = "pässword 1";

// Captured from doveadm pw (Dovecot 2.3.19, Debian 12).
constexpr std::string_view kDovecotHashes[] = {
    "{PLAIN}pässword 1",
    "{CLEARTEXT}pässword 1",
    "{CRYPT}$2y$05$Ymyeivnkdgdon4zTW83zgOP5EEW6/6DNFn6IlJvuORk8P3FyxS6xC",
    "{MD5-CRYPT}$1$29ec1HZz$xlI38pKxUpvUOaUrTVf2R0",
    "{SHA256-CRYPT}$5$VWm7yToR7URSN5db$lT8ToG.NDVg50AfqU2cAKzzVu.wxPpOc7n0fuoi67e3",
    "{SHA512-CRYPT}$6$5Gf0U42Gm/uWj2Mz$g2HOyb05yK4.M4Tw42zeJZbDAAE8KtUGAkgvJuGTOmk77oilZgdSlq/"
    "ZAUWTrXOHBPbzdJh6ErwXDGR3D0lvx1",
    "{BLF-CRYPT}$2y$05$cCcuyoxtrXP9NPTbH5WO.uX34jsJVw/gEZ.vGwJXBeRa2p5OIrGpK",
    "{SHA}wBFJYYjnh5eS5Eft5JORpd7Gkko=",
    "{SSHA}LT59Qbe2b5HIicVJyyD+7de5lPa/yas5",
    "{SHA256}f7RERuWhObO3oHciFhtpNCnGhD0FNBL7CyE3AkK4vbA=",
    "{SSHA256}antC5RLJFZ1g2KLbLz7RXQGjFC9mxlJKnTBwU3n4CSoDKhW7",
    "{SHA512}CKWQ1bFe+6HuV0fkV78KrhRH5bOjFVbkHBnd8vTWw2lc3YVFx8X2I6wtGQoVpZVuVsftC++"
    "RLO5GPIvd7H4Lyg==",
    "{SSHA512}BlO9MLtVhESb4K49tURVJMZCvVQVUtQvzxW0BMUeQsRGOWByd/"
    "WZVVW4dFVLf5whIN7ZB3Mf6y3mX5FbVMYx9YrpXW8=",
    "{PBKDF2}$1$mN5r6urHNJhRWMHu$5000$41f65ec920cc8d779af03409c68799549d571a1f",
    "{CRAM-MD5}80aec1449634d113e46324e5809848338c28256a7d6da9b7914aa2ece45e4479",
    "{PLAIN-MD5}ee0a0fa09df7c1e10c13c2792a1c5fba",
    "{SMD5}ueVbKEuyu9+UEpwg0HkpAPUZARc=",
    "{SHA256.HEX}7fb44446e5a139b3b7a07722161b693429c6843d053412fb0b21370242b8bdb0",
    "{SSHA.HEX}efa19f82d7436ea8dc0cccbc2315dd47efc2dbbf07fedaf0",
    "{PLAIN.B64}cMOkc3N3b3JkIDE=",
    "{SCRAM-SHA-1}4096,0vdjPda4YgsLAf8ITc0m/g==,NQ737ugIr9qPjS/B7fpOOCfGKZg=,EtUXzY7Gy+C+0/"
    "12PwQixaN6f50=",
    "{SCRAM-SHA-256}4096,cEtdG+EgdPgGkVLEamEDFg==,4OzYABRN/HYpU1p7FtHxtSocPmExLkMgnDddVnqIfHY=,"
    "v/KMTFBG0izUj4d8xv6x7oT+d+js7YX9V+4W2PJc+0E=",
    "{SCRAM-SHA-1.B64}"
    "NDA5NixYWUdTS1JvRnIyWVBrdmFGMi96WDV3PT0sVi9rU0FrWjB2V0ZKeCtWcmdJakFOaFpBbytRPSxY"
    "c2IwYU9mdzFicC9MSG4zQTBNbGt6UDlFL0U9",
};

TEST(PasswordSchemeTest, VerifiesDovecotHashes) {
  for (std::string_view stored : kDovecotHashes) {
    auto right = VerifyPassword(stored, kPassword);
    ASSERT_TRUE(right) << stored << ": " << right.error().message();
    EXPECT_TRUE(*right) << stored;
    auto wrong = VerifyPassword(stored, "password 1");
    ASSERT_TRUE(wrong) << stored;
    EXPECT_FALSE(*wrong) << stored;
  }
}

TEST(PasswordSchemeTest, OwnHashesRoundTrip) {
  for (const std::string& scheme : KnownSchemes()) {
    if (scheme == "DES-CRYPT") continue;  // libxcrypt may refuse to make new DES hashes
    auto hashed = HashPassword(scheme, kPassword);
    ASSERT_TRUE(hashed) << scheme << ": " << hashed.error().message();
    EXPECT_TRUE(hashed->starts_with("{" + scheme + "}")) << *hashed;
    EXPECT_TRUE(VerifyPassword(*hashed, kPassword).value_or(false)) << *hashed;
    EXPECT_FALSE(VerifyPassword(*hashed, "other").value_or(true)) << *hashed;
  }
  auto hex = HashPassword("ssha512.hex", kPassword);
  ASSERT_TRUE(hex);
  EXPECT_TRUE(hex->starts_with("{SSHA512.HEX}"));
  EXPECT_TRUE(VerifyPassword(*hex, kPassword).value_or(false));
}

TEST(PasswordSchemeTest, DefaultSchemeAppliesWithoutPrefix) {
  EXPECT_TRUE(VerifyPassword("secret", "secret").value());  // PLAIN by default
  EXPECT_TRUE(
      VerifyPassword("$6$5Gf0U42Gm/uWj2Mz$g2HOyb05yK4.M4Tw42zeJZbDAAE8KtUGAkgvJuGTOmk77oilZgdS"
                     "lq/ZAUWTrXOHBPbzdJh6ErwXDGR3D0lvx1",
                     kPassword, "SHA512-CRYPT")
          .value());
}

TEST(PasswordSchemeTest, UnknownSchemesAndBrokenHashesAreErrors) {
  EXPECT_EQ(VerifyPassword("{ROT13}frperg", "secret").error().message(),
            "unknown password scheme 'ROT13'");
  EXPECT_EQ(VerifyPassword("{SHA256}not base64!", "x").error().message(),
            "stored password for scheme SHA256 is malformed");
  EXPECT_FALSE(VerifyPassword("{SHA512-CRYPT}$6$", "x").value_or(true));  // never a match
  EXPECT_FALSE(VerifyPassword("{PBKDF2}$1$salt$0$00", "x"));
  EXPECT_FALSE(HashPassword("NOPE", "x"));
  EXPECT_FALSE(VerifyPassword("{SCRAM-SHA-1}4096,c2FsdA==,AAAA,AAAA", "x"));  // short keys
  EXPECT_FALSE(
      VerifyPassword("{SCRAM-SHA-256}0,c2FsdA==,"
                     "4OzYABRN/HYpU1p7FtHxtSocPmExLkMgnDddVnqIfHY=,"
                     "v/KMTFBG0izUj4d8xv6x7oT+d+js7YX9V+4W2PJc+0E=",
                     "x"));
}

TEST(PasswordSchemeTest, ScramHashesHaveDovecotsShape) {
  auto fixed = [](size_t n) { return std::string(n, '\x01'); };
  std::string hashed = HashPassword("SCRAM-SHA-256", "secret", fixed).value();
  EXPECT_TRUE(hashed.starts_with("{SCRAM-SHA-256}4096,AQEBAQEBAQEBAQEBAQEBAQ==,")) << hashed;
  EXPECT_EQ(base::SplitString(hashed, ',').size(), 4u);
}

TEST(PasswordSchemeTest, SaltsComeFromTheRandomSource) {
  auto fixed = [](size_t n) { return std::string(n, '\x01'); };
  EXPECT_EQ(HashPassword("SSHA", "secret", fixed).value(),
            HashPassword("SSHA", "secret", fixed).value());
  EXPECT_NE(HashPassword("SSHA", "secret").value(), HashPassword("SSHA", "secret").value());
}

TEST(PasswordSchemeTest, Base64IsStrict) {
  EXPECT_EQ(Base64Decode("cGVuY2ls").value(), "pencil");
  EXPECT_EQ(Base64Decode("").value(), "");
  EXPECT_EQ(Base64Encode("pencil"), "cGVuY2ls");
  for (std::string_view bad : {"cGVuY2l", " cGVuY2ls", "cGVu Y2ls", "cG=uY2ls", "cGVuY2l=="}) {
    EXPECT_FALSE(Base64Decode(bad)) << bad;
  }
}

TEST(PasswordSchemeTest, StoredPlaintextDecodesEncodings) {
  EXPECT_EQ(StoredPlaintext("{PLAIN.HEX}736563726574", "PLAIN").value(), "secret");
  EXPECT_EQ(StoredPlaintext("secret", "CLEARTEXT").value(), "secret");
  EXPECT_FALSE(StoredPlaintext("secret", "SHA512-CRYPT"));
  EXPECT_FALSE(StoredPlaintext("{SSHA}LT59Qbe2b5HIicVJyyD+7de5lPa/yas5", "PLAIN"));
}

// RFC 2195 §2's example, from the password and from Dovecot's stored context.
TEST(PasswordSchemeTest, CramMd5DigestFromPlaintextOrContext) {
  constexpr std::string_view kChallenge = "<1896.697170952@postoffice.reston.mci.net>";
  const std::string expected = base::HexDecode("b913a602c7eda7a495b4e6e7334d3890").value();
  EXPECT_EQ(CramMd5Digest("tanstaaftanstaaf", "PLAIN", kChallenge).value(), expected);
  EXPECT_EQ(
      CramMd5Digest("{CRAM-MD5}d06d4e1b26fccaa4b0b61801132340a354b21152711fb604ca3e035e7015116b",
                    "PLAIN", kChallenge)
          .value(),
      expected);
  EXPECT_EQ(CramMd5Digest("{SHA}x", "PLAIN", kChallenge).error().code(),
            base::Status::Code::kUnsupported);
  EXPECT_EQ(CramMd5Digest("{CRAM-MD5}d06d", "PLAIN", kChallenge).error().code(),
            base::Status::Code::kInvalidArgument);
}

TEST(PasswordSchemeTest, ScramKeysFromStoredOrPlaintext) {
  auto fixed = [](size_t n) { return std::string(n, '\x01'); };
  ScramKeys derived =
      ScramKeysFromStored(ScramHash::kSha1, "{PLAIN}pencil", "PLAIN", fixed).value();
  EXPECT_EQ(derived.iterations, kScramIterations);
  EXPECT_EQ(derived.salt, std::string(kScramSaltBytes, '\x01'));
  std::string stored = HashPassword("SCRAM-SHA-1", "pencil", fixed).value();
  ScramKeys read = ScramKeysFromStored(ScramHash::kSha1, stored, "PLAIN", fixed).value();
  EXPECT_EQ(read.stored_key, derived.stored_key);
  EXPECT_EQ(read.server_key, derived.server_key);
  EXPECT_EQ(ScramKeysFromStored(ScramHash::kSha256, stored, "PLAIN", fixed).error().code(),
            base::Status::Code::kUnsupported);
  EXPECT_EQ(
      ScramKeysFromStored(ScramHash::kSha1, "{SCRAM-SHA-1}4096,x", "PLAIN", fixed).error().code(),
      base::Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace auth
