// SCRAM-SHA-1 and SCRAM-SHA-256 (RFC 5802, RFC 7677) without channel binding: the client sends
// its name and nonce, the server its salt, iteration count and nonce, the client a proof of
// knowing SaltedPassword, the server a signature proving it knows ServerKey.
#include <utility>

#include "auth/sasl/mechanisms_internal.h"
#include "auth/sasl/scram_messages_internal.h"

namespace auth::sasl {
namespace {

// 24 random bytes: 192 bits, 32 characters of base64 (printable, never ',').
constexpr size_t kServerNonceBytes = 24;

class ScramMechanism final : public Exchange {
 public:
  ScramMechanism(ScramHash hash, CredentialSource& source, RandomBytes random,
                 std::string server_nonce)
      : hash_(hash),
        source_(source),
        random_(std::move(random)),
        server_nonce_(std::move(server_nonce)) {}

 protected:
  Step First(std::optional<std::string_view> initial_response) override {
    // RFC 5802 §5: SCRAM is client-first; without an initial response, an empty challenge.
    if (!initial_response) return Continue("");
    return ClientFirstStep(*initial_response);
  }

  Step Respond(std::string_view response) override {
    return server_first_.empty() ? ClientFirstStep(response) : ClientFinalStep(response);
  }

 private:
  Step ClientFirstStep(std::string_view message) {
    auto first = ParseClientFirst(message);
    if (!first) return Failure(first.error().message());
    // RFC 5802 §6: "p" asks for channel binding, which needs the -PLUS variant we do not
    // announce; "y" (the client could, but thinks we cannot) is right, so it is accepted.
    if (first->cbind_flag == 'p') return Failure("SCRAM channel binding is not supported");
    // RFC 5802 §5.1 "a": we have no master users, so only the user itself is authorized.
    if (!first->authzid.empty() && first->authzid != first->user) {
      return Failure("authorization identity differs from the user");
    }
    if (std::optional<Step> failed = LookUpKeys(first->user)) return std::move(*failed);
    given_user_ = first->user;
    gs2_header_ = first->gs2_header;
    nonce_ = first->nonce + server_nonce_;
    client_first_bare_ = first->bare;
    // RFC 5802 §7: server-first-message = nonce "," salt "," iteration-count
    server_first_ =
        "r=" + nonce_ + ",s=" + Base64Encode(keys_.salt) + ",i=" + std::to_string(keys_.iterations);
    return Continue(server_first_);
  }

  // Fills keys_ to run the exchange with, or says why the exchange ends here.
  std::optional<Step> LookUpKeys(std::string_view user) {
    creds_ = source_.LookupCredentials(user);
    switch (creds_.status) {
      case Credentials::Status::kTempFail:
        return TempFailure("the password database failed");
      case Credentials::Status::kNotFound:
        // Refusing now would tell anyone which users exist: carry on with keys no proof can
        // match, and a salt as fresh as a plaintext user's.
        keys_ = ScramKeys{kScramIterations, random_(kScramSaltBytes),
                          random_(ScramDigest(hash_, "").size()), ""};
        return std::nullopt;
      case Credentials::Status::kFound:
        break;
    }
    auto keys = ScramKeysFromStored(hash_, creds_.stored, creds_.default_scheme, random_);
    if (!keys) return Failure(keys.error().message());
    keys_ = std::move(*keys);
    return std::nullopt;
  }

  Step ClientFinalStep(std::string_view message) {
    auto final = ParseClientFinal(message);
    if (!final) return Failure(final.error().message());
    // RFC 5802 §7 "c": without channel binding data it is the GS2 header again.
    if (final->channel_binding != gs2_header_) return Failure("SCRAM channel binding mismatch");
    // RFC 5802 §5.1 "r": the nonce must be the one from server-first-message.
    if (final->nonce != nonce_) return Failure("SCRAM nonce mismatch");
    // RFC 5802 §3: AuthMessage, ClientSignature, and ClientKey recovered from the proof.
    std::string auth_message =
        client_first_bare_ + "," + server_first_ + "," + final->without_proof;
    std::string client_key = ScramHmac(hash_, keys_.stored_key, auth_message);
    if (final->proof.size() != client_key.size()) return Failure("malformed SCRAM proof");
    for (size_t i = 0; i < client_key.size(); ++i) client_key[i] ^= final->proof[i];
    if (creds_.status != Credentials::Status::kFound) return Failure("unknown user");
    if (!ConstantTimeEquals(ScramDigest(hash_, client_key), keys_.stored_key)) {
      return Failure("wrong password");
    }
    // RFC 5802 §7: server-final-message = verifier, ServerSignature := HMAC(ServerKey, AuthMessage)
    return Success(creds_.user, given_user_, std::move(creds_.fields),
                   "v=" + Base64Encode(ScramHmac(hash_, keys_.server_key, auth_message)));
  }

  ScramHash hash_;
  CredentialSource& source_;
  RandomBytes random_;
  std::string server_nonce_;
  Credentials creds_;
  ScramKeys keys_;
  std::string given_user_, gs2_header_, nonce_, client_first_bare_, server_first_;
};

}  // namespace

std::string MakeScramNonce(const RandomBytes& random) {
  return Base64Encode(random(kServerNonceBytes));
}

std::unique_ptr<Mechanism> NewScramMechanism(ScramHash hash, CredentialSource& source,
                                             RandomBytes random, std::string server_nonce) {
  return std::make_unique<ScramMechanism>(hash, source, std::move(random), std::move(server_nonce));
}

}  // namespace auth::sasl
