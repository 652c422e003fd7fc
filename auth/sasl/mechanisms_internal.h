// The mechanisms behind NewMechanism (mechanisms.cc is the registry list), with factories that
// take their challenge or nonce directly so tests can replay RFC example exchanges, and the
// Step helpers they share. Internal to auth.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "auth/password_scheme.h"
#include "auth/sasl/mechanism.h"

namespace auth::sasl {

Step Continue(std::string challenge);
Step Failure(std::string reason);
Step TempFailure(std::string reason);
// Success as `canonical` (the passdb's name), or as `given` when the passdb named nobody.
Step Success(std::string_view canonical, std::string_view given, Fields fields,
             std::string data = "");
// The outcome of CredentialSource::VerifyPlain for the user the client named (PLAIN, LOGIN).
Step FromVerdict(PlainVerdict verdict, std::string_view given_user);

// The bookkeeping every mechanism shares: once a step ends the exchange (anything but
// kContinue), later responses are refused rather than reaching the mechanism again.
class Exchange : public Mechanism {
 public:
  Step Start(std::optional<std::string_view> initial_response) final;
  Step Next(std::string_view response) final;

 protected:
  virtual Step First(std::optional<std::string_view> initial_response) = 0;
  virtual Step Respond(std::string_view response) = 0;

 private:
  Step Track(Step step);
  bool over_ = false;
};

std::unique_ptr<Mechanism> NewPlainMechanism(CredentialSource& source);
std::unique_ptr<Mechanism> NewLoginMechanism(CredentialSource& source);

// RFC 2195 §2: "<random.timestamp@hostname>", in the form of an RFC 5322 msg-id.
std::string MakeCramMd5Challenge(const MechanismEnv& env, std::string_view server_name);
std::unique_ptr<Mechanism> NewCramMd5Mechanism(CredentialSource& source, std::string challenge);

// The server's part of a SCRAM nonce: printable, without ',' (RFC 5802 §5.1 "r").
std::string MakeScramNonce(const RandomBytes& random);
// `random` makes salts when the stored password is plaintext (and fake ones for unknown users).
std::unique_ptr<Mechanism> NewScramMechanism(ScramHash hash, CredentialSource& source,
                                             RandomBytes random, std::string server_nonce);

}  // namespace auth::sasl
