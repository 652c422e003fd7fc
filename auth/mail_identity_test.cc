#include "auth/mail_identity.h"

#include <gtest/gtest.h>
#include <unistd.h>

namespace auth {
namespace {

class MailIdentityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (geteuid() != 0) GTEST_SKIP() << "only a root daemon switches identity";
  }
};

TEST_F(MailIdentityTest, UserdbIdsWinOverMailUid) {
  MailIdentityRules rules{.mail_uid = 600, .mail_gid = 600};
  auto id = MailIdentityFor({{"uid", "1000"}, {"gid", "1001"}}, rules);
  ASSERT_TRUE(id);
  EXPECT_EQ(id->uid, 1000u);
  EXPECT_EQ(id->gid, 1001u);
  auto fallback = MailIdentityFor({}, rules);
  ASSERT_TRUE(fallback);
  EXPECT_EQ(fallback->uid, 600u);
}

TEST_F(MailIdentityTest, RootAndSystemAccountsAreRefusedByDefault) {
  auto root = MailIdentityFor({{"uid", "0"}, {"gid", "0"}}, {});
  ASSERT_FALSE(root);
  EXPECT_NE(root.error().message().find("UID 0 not permitted, see first_valid_uid"),
            std::string::npos);
  EXPECT_FALSE(MailIdentityFor({{"uid", "499"}, {"gid", "100"}}, {}));
  EXPECT_FALSE(MailIdentityFor({{"uid", "1000"}, {"gid", "0"}}, {}));  // first_valid_gid = 1
  EXPECT_TRUE(MailIdentityFor({{"uid", "500"}, {"gid", "1"}}, {}));
}

TEST_F(MailIdentityTest, RangeEndsAndMissingIds) {
  MailIdentityRules rules{.last_valid_uid = 2000, .last_valid_gid = 2000};
  EXPECT_TRUE(MailIdentityFor({{"uid", "2000"}, {"gid", "2000"}}, rules));
  EXPECT_FALSE(MailIdentityFor({{"uid", "2001"}, {"gid", "1000"}}, rules));
  EXPECT_FALSE(MailIdentityFor({{"uid", "1000"}, {"gid", "2001"}}, rules));
  EXPECT_FALSE(MailIdentityFor({{"gid", "1000"}}, {}));  // no uid and no mail_uid
  MailIdentityRules open{.first_valid_uid = 0, .first_valid_gid = 0};
  EXPECT_TRUE(MailIdentityFor({{"uid", "0"}, {"gid", "0"}}, open));
}

}  // namespace
}  // namespace auth
