// PLAIN (RFC 4616) against a fake passdb.
#include <gtest/gtest.h>

#include "auth/sasl/fake_source_internal.h"
#include "auth/sasl/mechanisms_internal.h"

namespace auth::sasl {
namespace {

using namespace std::string_view_literals;

class PlainTest : public ::testing::Test {
 protected:
  PlainTest() { source_.Add("tim", "{PLAIN}secret", "Tim"); }
  FakeSource source_;
  std::unique_ptr<Mechanism> mech_ = NewPlainMechanism(source_);
};

TEST_F(PlainTest, InitialResponseSucceeds) {
  Step step = mech_->Start("\0tim\0secret"sv);
  EXPECT_EQ(step.kind, Step::Kind::kSuccess) << step.reason;
  EXPECT_EQ(step.user, "Tim");  // the passdb's name, not the client's
  ASSERT_EQ(step.fields.size(), 1u);
  EXPECT_EQ(step.fields[0].second, "/home/tim");
}

TEST_F(PlainTest, WithoutInitialResponseTheServerSendsAnEmptyChallenge) {
  Step first = mech_->Start(std::nullopt);
  EXPECT_EQ(first.kind, Step::Kind::kContinue);
  EXPECT_EQ(first.data, "");
  EXPECT_EQ(mech_->Next("tim\0tim\0secret"sv).kind, Step::Kind::kSuccess);  // authzid == authcid
  EXPECT_EQ(mech_->Next("\0tim\0secret"sv).kind, Step::Kind::kFailure);     // over
}

TEST_F(PlainTest, WrongPasswordAndUnknownUserFail) {
  EXPECT_EQ(mech_->Start("\0tim\0wrong"sv).kind, Step::Kind::kFailure);
  EXPECT_EQ(NewPlainMechanism(source_)->Start("\0bob\0secret"sv).kind, Step::Kind::kFailure);
}

TEST_F(PlainTest, MalformedMessagesFailWithoutAskingThePassdb) {
  for (std::string_view bad :
       {""sv, "tim"sv, "\0tim"sv, "\0tim\0"sv, "\0\0secret"sv, "\0tim\0secret\0"sv}) {
    Step step = NewPlainMechanism(source_)->Start(bad);
    EXPECT_EQ(step.kind, Step::Kind::kFailure);
    EXPECT_EQ(step.reason, "malformed PLAIN message");
  }
  EXPECT_EQ(source_.lookups, 0);
}

TEST_F(PlainTest, AnotherAuthorizationIdentityFails) {
  Step step = mech_->Start("admin\0tim\0secret"sv);
  EXPECT_EQ(step.kind, Step::Kind::kFailure);
  EXPECT_EQ(source_.lookups, 0);
}

TEST_F(PlainTest, TemporaryFailurePropagates) {
  source_.temp_fail = true;
  EXPECT_EQ(mech_->Start("\0tim\0secret"sv).kind, Step::Kind::kTempFail);
}

}  // namespace
}  // namespace auth::sasl
