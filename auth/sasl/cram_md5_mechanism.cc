// CRAM-MD5 (RFC 2195): the server sends a unique challenge, the client answers
// "user SP hex(HMAC-MD5(password, challenge))".
#include <cstdint>
#include <string>
#include <utility>

#include "auth/sasl/mechanisms_internal.h"
#include "base/strings.h"

namespace auth::sasl {
namespace {

constexpr size_t kDigestBytes = 16;

class CramMd5Mechanism final : public Exchange {
 public:
  CramMd5Mechanism(CredentialSource& source, std::string challenge)
      : source_(source), challenge_(std::move(challenge)) {}

 protected:
  Step First(std::optional<std::string_view> initial_response) override {
    // RFC 2195 §2: the server speaks first; a client that answers before the challenge
    // cannot have computed anything.
    if (initial_response) return Failure("CRAM-MD5 takes no initial response");
    return Continue(challenge_);
  }

  Step Respond(std::string_view response) override {
    // RFC 2195 §2: the user name, a space, and the digest in lowercase hex. Dovecot splits at
    // the last space, so names with spaces work too.
    size_t space = response.rfind(' ');
    if (space == std::string_view::npos || space == 0)
      return Failure("malformed CRAM-MD5 response");
    std::string_view user = response.substr(0, space);
    auto digest = base::HexDecode(response.substr(space + 1));
    if (!digest || digest->size() != kDigestBytes || user.find('\0') != std::string_view::npos) {
      return Failure("malformed CRAM-MD5 response");
    }
    return Check(user, *digest);
  }

 private:
  Step Check(std::string_view user, std::string_view digest) {
    Credentials creds = source_.LookupCredentials(user);
    switch (creds.status) {
      case Credentials::Status::kTempFail:
        return TempFailure("the password database failed");
      case Credentials::Status::kNotFound:
        return Failure("unknown user");
      case Credentials::Status::kFound:
        break;
    }
    auto expected = CramMd5Digest(creds.stored, creds.default_scheme, challenge_);
    if (!expected) return Failure(expected.error().message());
    if (!ConstantTimeEquals(*expected, digest)) return Failure("wrong password");
    return Success(creds.user, user, std::move(creds.fields));
  }

  CredentialSource& source_;
  std::string challenge_;
};

}  // namespace

std::string MakeCramMd5Challenge(const MechanismEnv& env, std::string_view server_name) {
  uint64_t unique = 0;
  for (char c : env.random(sizeof unique)) unique = (unique << 8) | static_cast<unsigned char>(c);
  return "<" + std::to_string(unique) + "." + std::to_string(env.unix_time()) + "@" +
         std::string(server_name) + ">";
}

std::unique_ptr<Mechanism> NewCramMd5Mechanism(CredentialSource& source, std::string challenge) {
  return std::make_unique<CramMd5Mechanism>(source, std::move(challenge));
}

}  // namespace auth::sasl
