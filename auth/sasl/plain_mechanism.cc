// PLAIN (RFC 4616): one message, "[authzid] NUL authcid NUL passwd".
#include <utility>

#include "auth/sasl/mechanisms_internal.h"
#include "base/strings.h"

namespace auth::sasl {
namespace {

class PlainMechanism final : public Exchange {
 public:
  explicit PlainMechanism(CredentialSource& source) : source_(source) {}

 protected:
  Step First(std::optional<std::string_view> initial_response) override {
    // RFC 4616 §2: without an initial response the server sends an empty challenge.
    if (!initial_response) return Continue("");
    return Respond(*initial_response);
  }

  Step Respond(std::string_view message) override {
    // RFC 4616 §2: message = [authzid] UTF8NUL authcid UTF8NUL passwd, authcid and passwd
    // non-empty.
    std::vector<std::string_view> parts = base::SplitString(message, '\0');
    if (parts.size() != 3 || parts[1].empty() || parts[2].empty()) {
      return Failure("malformed PLAIN message");
    }
    // RFC 4616 §2: acting as another identity needs authorization; we have no master users.
    if (!parts[0].empty() && parts[0] != parts[1]) {
      return Failure("authorization identity differs from the user");
    }
    return FromVerdict(source_.VerifyPlain(parts[1], parts[2]), parts[1]);
  }

 private:
  CredentialSource& source_;
};

}  // namespace

std::unique_ptr<Mechanism> NewPlainMechanism(CredentialSource& source) {
  return std::make_unique<PlainMechanism>(source);
}

}  // namespace auth::sasl
