// LOGIN (draft-murchison-sasl-login-00): the server asks "Username:" then "Password:".
#include <string>

#include "auth/sasl/mechanisms_internal.h"

namespace auth::sasl {
namespace {

class LoginMechanism final : public Exchange {
 public:
  explicit LoginMechanism(CredentialSource& source) : source_(source) {}

 protected:
  Step First(std::optional<std::string_view> initial_response) override {
    // draft-murchison-sasl-login §2.1: an initial response is the user name.
    if (!initial_response) return Continue("Username:");
    return TakeUser(*initial_response);
  }

  Step Respond(std::string_view response) override {
    if (user_.empty()) return TakeUser(response);
    return FromVerdict(source_.VerifyPlain(user_, response), user_);
  }

 private:
  Step TakeUser(std::string_view user) {
    if (user.empty() || user.find('\0') != std::string_view::npos) {
      return Failure("malformed LOGIN user name");
    }
    user_ = user;
    return Continue("Password:");
  }

  CredentialSource& source_;
  std::string user_;  // empty until the client has named itself
};

}  // namespace

std::unique_ptr<Mechanism> NewLoginMechanism(CredentialSource& source) {
  return std::make_unique<LoginMechanism>(source);
}

}  // namespace auth::sasl
