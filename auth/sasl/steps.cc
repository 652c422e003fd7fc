// Step helpers shared by the mechanisms.
#include <utility>

#include "auth/sasl/mechanisms_internal.h"

namespace auth::sasl {

Step Continue(std::string challenge) {
  return Step{.kind = Step::Kind::kContinue, .data = std::move(challenge)};
}

Step Failure(std::string reason) {
  return Step{.kind = Step::Kind::kFailure, .reason = std::move(reason)};
}

Step TempFailure(std::string reason) {
  return Step{.kind = Step::Kind::kTempFail, .reason = std::move(reason)};
}

Step Success(std::string_view canonical, std::string_view given, Fields fields, std::string data) {
  return Step{.kind = Step::Kind::kSuccess,
              .data = std::move(data),
              .user = std::string(canonical.empty() ? given : canonical),
              .fields = std::move(fields)};
}

Step FromVerdict(PlainVerdict verdict, std::string_view given_user) {
  switch (verdict.status) {
    case PlainVerdict::Status::kOk:
      return Success(verdict.user, given_user, std::move(verdict.fields));
    case PlainVerdict::Status::kFail:
      return Failure("wrong password or unknown user");
    case PlainVerdict::Status::kTempFail:
      return TempFailure("the password database failed");
  }
  return Failure("wrong password or unknown user");
}

Step Exchange::Start(std::optional<std::string_view> initial_response) {
  return Track(First(initial_response));
}

Step Exchange::Next(std::string_view response) {
  if (over_) return Failure("response after the exchange ended");
  return Track(Respond(response));
}

Step Exchange::Track(Step step) {
  over_ = step.kind != Step::Kind::kContinue;
  return step;
}

}  // namespace auth::sasl
