// LOGIN (draft-murchison-sasl-login) against a fake passdb.
#include <gtest/gtest.h>

#include "auth/sasl/fake_source_internal.h"
#include "auth/sasl/mechanisms_internal.h"

namespace auth::sasl {
namespace {

using namespace std::string_view_literals;

class LoginTest : public ::testing::Test {
 protected:
  LoginTest() { source_.Add("tim", "{PLAIN}secret"); }
  FakeSource source_;
  std::unique_ptr<Mechanism> mech_ = NewLoginMechanism(source_);
};

TEST_F(LoginTest, AsksForUserThenPassword) {
  Step user = mech_->Start(std::nullopt);
  EXPECT_EQ(user.kind, Step::Kind::kContinue);
  EXPECT_EQ(user.data, "Username:");
  Step password = mech_->Next("tim");
  EXPECT_EQ(password.kind, Step::Kind::kContinue);
  EXPECT_EQ(password.data, "Password:");
  Step done = mech_->Next("secret");
  EXPECT_EQ(done.kind, Step::Kind::kSuccess) << done.reason;
  EXPECT_EQ(done.user, "tim");  // the passdb named nobody: the client's name
  EXPECT_EQ(mech_->Next("again").kind, Step::Kind::kFailure);
}

TEST_F(LoginTest, InitialResponseIsTheUser) {
  Step password = mech_->Start("tim");
  EXPECT_EQ(password.data, "Password:");
  EXPECT_EQ(mech_->Next("secret").kind, Step::Kind::kSuccess);
}

TEST_F(LoginTest, WrongPasswordFails) {
  (void)mech_->Start("tim");  // "Password:", checked above
  EXPECT_EQ(mech_->Next("wrong").kind, Step::Kind::kFailure);
}

TEST_F(LoginTest, EmptyOrNulUserFails) {
  EXPECT_EQ(mech_->Start(""sv).kind, Step::Kind::kFailure);
  EXPECT_EQ(NewLoginMechanism(source_)->Start("t\0m"sv).kind, Step::Kind::kFailure);
  EXPECT_EQ(source_.lookups, 0);
}

TEST_F(LoginTest, TemporaryFailurePropagates) {
  source_.temp_fail = true;
  (void)mech_->Start("tim");  // "Password:", checked above
  EXPECT_EQ(mech_->Next("secret").kind, Step::Kind::kTempFail);
}

}  // namespace
}  // namespace auth::sasl
