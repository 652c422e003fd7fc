// SCRAM-SHA-1 and SCRAM-SHA-256: the RFC 5802 §5 and RFC 7677 §3 example exchanges verbatim,
// then a client computed here for the failure cases.
#include <functional>

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "auth/sasl/fake_source_internal.h"
#include "auth/sasl/mechanisms_internal.h"

namespace auth::sasl {
namespace {

// The stored form of `password` for the RFC's user, built from the RFC's salt.
std::string StoredFromSalt(ScramHash hash, std::string_view password, std::string_view salt_b64) {
  ScramKeys keys = DeriveScramKeys(hash, password, Base64Decode(salt_b64).value(), 4096).value();
  return std::string(hash == ScramHash::kSha1 ? "{SCRAM-SHA-1}" : "{SCRAM-SHA-256}") + "4096," +
         std::string(salt_b64) + "," + Base64Encode(keys.stored_key) + "," +
         Base64Encode(keys.server_key);
}

struct RfcExample {
  ScramHash hash;
  std::string salt, server_nonce, client_first, server_first, client_final, server_final;
};

void ReplayRfcExample(const RfcExample& ex) {
  FakeSource source;
  source.Add("user", StoredFromSalt(ex.hash, "pencil", ex.salt));
  auto mech = NewScramMechanism(ex.hash, source, FixedRandom(), ex.server_nonce);
  Step first = mech->Start(ex.client_first);
  ASSERT_EQ(first.kind, Step::Kind::kContinue) << first.reason;
  EXPECT_EQ(first.data, ex.server_first);
  Step last = mech->Next(ex.client_final);
  ASSERT_EQ(last.kind, Step::Kind::kSuccess) << last.reason;
  EXPECT_EQ(last.data, ex.server_final);
  EXPECT_EQ(last.user, "user");
}

TEST(ScramTest, Rfc5802Example) {
  ReplayRfcExample({ScramHash::kSha1, "QSXCR+Q6sek8bf92", "3rfcNHYJY1ZVvWVs7j",
                    "n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL",
                    "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096",
                    "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,"
                    "p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=",
                    "v=rmF9pqV8S7suAoZWja4dJRkFsKQ="});
}

TEST(ScramTest, Rfc7677Example) {
  ReplayRfcExample({ScramHash::kSha256, "W22ZaJ0SNY7soEsUEjb6gQ==",
                    "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0", "n,,n=user,r=rOprNGfwEbeRWgbNEkqO",
                    "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                    "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
                    "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                    "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
                    "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="});
}

// A SCRAM client written against OpenSSL directly rather than the code under test, answering
// the server-first message of an exchange that began with "<gs2_header>n=<name>,r=cnonce".
class Client {
 public:
  Client(ScramHash hash, std::string name, std::string gs2_header = "n,,")
      : md_(hash == ScramHash::kSha1 ? EVP_sha1() : EVP_sha256()),
        gs2_header_(std::move(gs2_header)),
        bare_("n=" + name + ",r=cnonce") {}
  std::string First() const { return gs2_header_ + bare_; }
  // RFC 5802 §3: ClientProof := ClientKey XOR HMAC(H(ClientKey), AuthMessage)
  std::string Final(std::string_view server_first, std::string_view password,
                    std::string nonce = "") const {
    if (nonce.empty()) nonce = Field(server_first, 'r');
    std::string without_proof = "c=" + Base64Encode(gs2_header_) + ",r=" + nonce;
    std::string auth_message = bare_ + "," + std::string(server_first) + "," + without_proof;
    std::string salt = Base64Decode(Field(server_first, 's')).value();
    std::string salted(static_cast<size_t>(EVP_MD_get_size(md_)), '\0');
    EXPECT_EQ(PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                                reinterpret_cast<const unsigned char*>(salt.data()),
                                static_cast<int>(salt.size()), std::stoi(Field(server_first, 'i')),
                                md_, static_cast<int>(salted.size()),
                                reinterpret_cast<unsigned char*>(salted.data())),
              1);
    std::string client_key = Hmac(salted, "Client Key");
    std::string proof = Hmac(Digest(client_key), auth_message);
    for (size_t i = 0; i < proof.size(); ++i) proof[i] ^= client_key[i];
    return without_proof + ",p=" + Base64Encode(proof);
  }

 private:
  static std::string Field(std::string_view message, char attr) {
    size_t at = message.find(std::string(1, attr) + "=");
    size_t end = message.find(',', at);
    return std::string(message.substr(at + 2, end == std::string_view::npos ? end : end - at - 2));
  }
  std::string Hmac(std::string_view key, std::string_view data) const {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(md_, key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &len);
    return std::string(reinterpret_cast<char*>(out), len);
  }
  std::string Digest(std::string_view data) const {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(data.data(), data.size(), out, &len, md_, nullptr);
    return std::string(reinterpret_cast<char*>(out), len);
  }

  const EVP_MD* md_;
  std::string gs2_header_, bare_;
};

// Runs the exchange to the end; `final` turns the server-first message into client-final.
Step Exchange(ScramHash hash, FakeSource& source, const std::string& client_first,
              const std::function<std::string(std::string_view)>& final) {
  auto mech = NewScramMechanism(hash, source, FixedRandom(), "snonce");
  Step first = mech->Start(std::nullopt);
  EXPECT_EQ(first.kind, Step::Kind::kContinue);
  EXPECT_EQ(first.data, "");
  Step server_first = mech->Next(client_first);
  if (server_first.kind != Step::Kind::kContinue) return server_first;
  EXPECT_TRUE(server_first.data.starts_with("r=cnoncesnonce,s=")) << server_first.data;
  return mech->Next(final(server_first.data));
}

class ScramPlaintextTest : public ::testing::TestWithParam<ScramHash> {
 protected:
  ScramPlaintextTest() {
    source_.Add("tim", "{PLAIN}secret", "Tim");
    source_.Add("a,b=c", "{PLAIN}secret");
  }
  Step Run(const Client& client, std::string_view password, std::string nonce = "") {
    return Exchange(GetParam(), source_, client.First(), [&](std::string_view server_first) {
      return client.Final(server_first, password, nonce);
    });
  }
  FakeSource source_;
};

TEST_P(ScramPlaintextTest, SucceedsFromAPlaintextPassword) {
  Step step = Run(Client(GetParam(), "tim"), "secret");
  ASSERT_EQ(step.kind, Step::Kind::kSuccess) << step.reason;
  EXPECT_EQ(step.user, "Tim");
  EXPECT_TRUE(step.data.starts_with("v=")) << step.data;
  EXPECT_EQ(step.fields.size(), 1u);
}

TEST_P(ScramPlaintextTest, AcceptsYFlagAndOwnAuthzidAndEscapedNames) {
  EXPECT_EQ(Run(Client(GetParam(), "tim", "y,,"), "secret").kind, Step::Kind::kSuccess);
  EXPECT_EQ(Run(Client(GetParam(), "tim", "n,a=tim,"), "secret").kind, Step::Kind::kSuccess);
  Step escaped = Run(Client(GetParam(), "a=2Cb=3Dc"), "secret");
  EXPECT_EQ(escaped.kind, Step::Kind::kSuccess) << escaped.reason;
  EXPECT_EQ(escaped.user, "a,b=c");
}

TEST_P(ScramPlaintextTest, WrongProofFails) {
  Step step = Run(Client(GetParam(), "tim"), "wrong");
  EXPECT_EQ(step.kind, Step::Kind::kFailure);
  EXPECT_EQ(step.reason, "wrong password");
  EXPECT_EQ(step.data, "");
}

TEST_P(ScramPlaintextTest, NonceMismatchFails) {
  EXPECT_EQ(Run(Client(GetParam(), "tim"), "secret", "cnonceother").reason, "SCRAM nonce mismatch");
}

TEST_P(ScramPlaintextTest, UnknownUserLooksLikeAnyOtherUntilTheProof) {
  Step step = Run(Client(GetParam(), "nobody"), "secret");
  EXPECT_EQ(step.kind, Step::Kind::kFailure);
  EXPECT_EQ(step.reason, "unknown user");
}

TEST_P(ScramPlaintextTest, RefusedGs2HeadersFail) {
  for (std::string header : {"p=tls-unique,,", "x,,", "n,a=admin,", "n,", "n,b=tim,"}) {
    Step step = Run(Client(GetParam(), "tim", header), "secret");
    EXPECT_EQ(step.kind, Step::Kind::kFailure) << header;
  }
  EXPECT_EQ(source_.lookups, 0);
}

TEST_P(ScramPlaintextTest, ChannelBindingMustRepeatTheGs2Header) {
  Client client(GetParam(), "tim");
  Step step = Exchange(GetParam(), source_, client.First(), [&](std::string_view server_first) {
    std::string final = client.Final(server_first, "secret");
    return "c=eSws" + final.substr(final.find(','));  // "y,," though we were sent "n,,"
  });
  EXPECT_EQ(step.reason, "SCRAM channel binding mismatch");
}

TEST_P(ScramPlaintextTest, TemporaryFailurePropagates) {
  source_.temp_fail = true;
  EXPECT_EQ(Run(Client(GetParam(), "tim"), "secret").kind, Step::Kind::kTempFail);
}

INSTANTIATE_TEST_SUITE_P(Hashes, ScramPlaintextTest,
                         ::testing::Values(ScramHash::kSha1, ScramHash::kSha256));

TEST(ScramTest, StoredKeysOfTheOtherHashOrAnotherSchemeCannotServe) {
  FakeSource source;
  source.Add("tim", HashPassword("SCRAM-SHA-1", "secret").value());
  Client client(ScramHash::kSha256, "tim");
  Step step =
      Exchange(ScramHash::kSha256, source, client.First(), [](std::string_view) { return ""; });
  EXPECT_EQ(step.kind, Step::Kind::kFailure);
  EXPECT_EQ(step.reason, "the stored scheme cannot be used with SCRAM-SHA-256");
  source.Add("tim", HashPassword("SHA512-CRYPT", "secret").value());
  EXPECT_EQ(Exchange(ScramHash::kSha1, source, client.First(), [](std::string_view) { return ""; })
                .reason,
            "the stored scheme cannot be used with SCRAM-SHA-1");
}

TEST(ScramTest, DovecotsStoredKeysServe) {
  FakeSource source;  // `doveadm pw -s SCRAM-SHA-256 -p secret`
  source.Add("tim",
             "{SCRAM-SHA-256}4096,1oQXmAI0mkU8cWtAZjBkFQ==,/9rMX5UljioCl3z5hQrrffmhTs5IZZCoCJdykA8l"
             "n7o=,u3tlqfd7jUrRNqclUpTkrD5u7fGfqWnWA8tUKafym/k=");
  Client client(ScramHash::kSha256, "tim");
  Step step =
      Exchange(ScramHash::kSha256, source, client.First(), [&](std::string_view server_first) {
        EXPECT_EQ(server_first, "r=cnoncesnonce,s=1oQXmAI0mkU8cWtAZjBkFQ==,i=4096");
        return client.Final(server_first, "secret");
      });
  EXPECT_EQ(step.kind, Step::Kind::kSuccess) << step.reason;
}

TEST(ScramTest, ServerNonceIsPrintableBase64FromTheRandomSource) {
  EXPECT_EQ(MakeScramNonce(FixedRandom('\0')), std::string(32, 'A'));
}

}  // namespace
}  // namespace auth::sasl
