// CRAM-MD5 (RFC 2195), with the RFC's own example exchange.
#include <gtest/gtest.h>

#include "auth/sasl/fake_source_internal.h"
#include "auth/sasl/mechanisms_internal.h"

namespace auth::sasl {
namespace {

using namespace std::string_view_literals;

// RFC 2195 §2.
constexpr std::string_view kChallenge = "<1896.697170952@postoffice.reston.mci.net>";
constexpr std::string_view kResponse = "tim b913a602c7eda7a495b4e6e7334d3890";

Step Exchange(CredentialSource& source, std::string_view response) {
  auto mech = NewCramMd5Mechanism(source, std::string(kChallenge));
  Step challenge = mech->Start(std::nullopt);
  EXPECT_EQ(challenge.kind, Step::Kind::kContinue);
  EXPECT_EQ(challenge.data, kChallenge);
  return mech->Next(response);
}

TEST(CramMd5Test, ChallengeIsRandomDotTimestampAtServer) {
  MechanismEnv env{.random = [](size_t n) { return std::string(n - 2, '\0') + "\x07\x68"; },
                   .unix_time = [] { return int64_t{697170952}; }};
  EXPECT_EQ(MakeCramMd5Challenge(env, "postoffice.reston.mci.net"), kChallenge);
}

TEST(CramMd5Test, Rfc2195ExampleWithEveryUsableStoredForm) {
  FakeSource source;
  source.Add("tim", "{PLAIN}tanstaaftanstaaf", "Tim");
  source.Add("tim-b64", "{PLAIN.B64}dGFuc3RhYWZ0YW5zdGFhZg==");
  source.Add("tim-bare", "tanstaaftanstaaf");  // no prefix: the default scheme, PLAIN
  source.Add("tim-cram", HashPassword("CRAM-MD5", "tanstaaftanstaaf").value());
  Step step = Exchange(source, kResponse);
  EXPECT_EQ(step.kind, Step::Kind::kSuccess) << step.reason;
  EXPECT_EQ(step.user, "Tim");
  for (std::string user : {"tim-b64", "tim-bare", "tim-cram"}) {
    Step other = Exchange(source, user + " b913a602c7eda7a495b4e6e7334d3890");
    EXPECT_EQ(other.kind, Step::Kind::kSuccess) << user << ": " << other.reason;
    EXPECT_EQ(other.user, user);
  }
}

TEST(CramMd5Test, DovecotsStoredContextFinishesTheHmac) {
  FakeSource source;  // `doveadm pw -s CRAM-MD5 -p tanstaaftanstaaf`
  source.Add("tim", "{CRAM-MD5}d06d4e1b26fccaa4b0b61801132340a354b21152711fb604ca3e035e7015116b");
  EXPECT_EQ(Exchange(source, kResponse).kind, Step::Kind::kSuccess);
}

TEST(CramMd5Test, WrongDigestUnknownUserAndMalformedResponsesFail) {
  FakeSource source;
  source.Add("tim", "{PLAIN}tanstaaftanstaaf");
  EXPECT_EQ(Exchange(source, "tim b913a602c7eda7a495b4e6e7334d3891").reason, "wrong password");
  EXPECT_EQ(Exchange(source, "bob b913a602c7eda7a495b4e6e7334d3890").reason, "unknown user");
  for (std::string_view bad :
       {""sv, "tim"sv, " b913a602c7eda7a495b4e6e7334d3890"sv,
        "tim b913a602c7eda7a495b4e6e7334d38"sv, "tim zz13a602c7eda7a495b4e6e7334d3890"sv}) {
    EXPECT_EQ(Exchange(source, bad).reason, "malformed CRAM-MD5 response") << bad;
  }
}

TEST(CramMd5Test, OtherStoredSchemesCannotServe) {
  FakeSource source;
  source.Add("tim", HashPassword("SHA512-CRYPT", "tanstaaftanstaaf").value());
  Step step = Exchange(source, kResponse);
  EXPECT_EQ(step.kind, Step::Kind::kFailure);
  EXPECT_EQ(step.reason, "the stored scheme cannot be used with CRAM-MD5");
}

TEST(CramMd5Test, TemporaryFailurePropagates) {
  FakeSource source;
  source.temp_fail = true;
  EXPECT_EQ(Exchange(source, kResponse).kind, Step::Kind::kTempFail);
}

TEST(CramMd5Test, InitialResponseFails) {
  FakeSource source;
  EXPECT_EQ(NewCramMd5Mechanism(source, "<1.2@x>")->Start(kResponse).kind, Step::Kind::kFailure);
}

}  // namespace
}  // namespace auth::sasl
