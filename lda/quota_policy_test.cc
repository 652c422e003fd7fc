// The quota a delivery is held to: settings from plugin {} and the userdb, quota_grace, and
// one usage for every store of a delivery.
#include "lda/quota_policy.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "base/fs.h"
#include "base/testing/temp_dir.h"
#include "storage/mail_store.h"

namespace lda {
namespace {

using Code = base::Status::Code;

void Fill(const std::string& root, int messages, size_t size) {
  storage::MailStore store(root, storage::Layout::kMaildirPlusPlus);
  for (int i = 0; i < messages; ++i)
    ASSERT_TRUE(store.Open("INBOX")->Append(std::string(size, 'x')));
}

TEST(UserQuotaTest, NoQuotaSettingMeansNoQuota) {
  auto none = UserQuota::For({{"quota_rule", "*:messages=1"}}, {}, "/nonexistent");
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none);
  auto no_limits = UserQuota::For({{"quota", "maildir:User quota"}}, {}, "/nonexistent");
  ASSERT_TRUE(no_limits);
  EXPECT_FALSE(*no_limits);
}

TEST(UserQuotaTest, BadSettingsNameTheSetting) {
  auto backend = UserQuota::For(
      {{"quota", "dict:User quota::proxy::quota"}, {"quota_rule", "*:messages=1"}}, {}, "/x");
  ASSERT_FALSE(backend);
  EXPECT_EQ(backend.error().code(), Code::kInvalidArgument);
  EXPECT_NE(backend.error().message().find("quota = dict"), std::string::npos);
  auto rule = UserQuota::For({{"quota", "maildir"}, {"quota_rule2", "*:storage=lots"}},
                             {{"quota_rule", "*:messages=1"}}, "/x");
  ASSERT_FALSE(rule);
  EXPECT_NE(rule.error().message().find("quota_rule2 = *:storage=lots"), std::string::npos);
  auto grace = UserQuota::For(
      {{"quota", "maildir"}, {"quota_rule", "*:storage=1M"}, {"quota_grace", "much"}}, {}, "/x");
  ASSERT_FALSE(grace);
  EXPECT_NE(grace.error().message().find("quota_grace = much"), std::string::npos);
}

TEST(UserQuotaTest, UserdbFieldsOverrideThePlugin) {
  base::testing::TempDir dir;
  Fill(dir.path(), 2, 10);
  std::map<std::string, std::string> plugin = {{"quota", "maildir:User quota"},
                                               {"quota_rule", "*:messages=10"},
                                               {"quota_exceeded_message", "plugin says full"}};
  auto quota = UserQuota::For(
      plugin, {{"quota_rule", "*:messages=2"}, {"quota_exceeded_message", "Mailbox full"}},
      dir.path());
  ASSERT_TRUE(quota && *quota);
  base::Status full = (*quota)->CheckAppend(10);
  EXPECT_EQ(full.code(), Code::kQuotaExceeded);
  EXPECT_EQ(full.message(), "Quota exceeded (mailbox for user is full): 2 of 2 messages");
  EXPECT_EQ((*quota)->exceeded_message(), "Mailbox full");
  EXPECT_TRUE((*quota)->Full().value());

  auto plugin_only = UserQuota::For(plugin, {}, dir.path());
  ASSERT_TRUE(plugin_only && *plugin_only);
  EXPECT_TRUE((*plugin_only)->CheckAppend(10).ok());
  EXPECT_FALSE((*plugin_only)->Full().value());
  EXPECT_EQ((*plugin_only)->exceeded_message(), "plugin says full");
  // A userdb can also turn quota on for one user.
  auto userdb_only =
      UserQuota::For({}, {{"quota", "dirsize"}, {"quota_rule", "*:messages=1"}}, dir.path());
  ASSERT_TRUE(userdb_only && *userdb_only);
  EXPECT_EQ((*userdb_only)->exceeded_message(), kQuotaExceededMessage);
  EXPECT_EQ((*userdb_only)->CheckAppend(1).code(), Code::kQuotaExceeded);
}

TEST(UserQuotaTest, GraceLetsALastMessageOverTheStorageLimit) {
  base::testing::TempDir dir;
  Fill(dir.path(), 9, 100);  // 900 of 1000 bytes
  std::map<std::string, std::string> plugin = {{"quota", "maildir:User quota"},
                                               {"quota_rule", "*:storage=1000"}};
  // Default quota_grace 10%: up to 100 + 100 bytes fit.
  auto quota = UserQuota::For(plugin, {}, dir.path());
  ASSERT_TRUE(quota && *quota);
  EXPECT_TRUE((*quota)->CheckAppend(200).ok());
  EXPECT_EQ((*quota)->CheckAppend(201).code(), Code::kQuotaExceeded);
  // quota_grace = 0 (or 0%): the limit itself.
  plugin["quota_grace"] = "0%%";
  auto strict = UserQuota::For(plugin, {}, dir.path());
  ASSERT_TRUE(strict && *strict);
  EXPECT_TRUE((*strict)->CheckAppend(100).ok());
  EXPECT_EQ((*strict)->CheckAppend(101).code(), Code::kQuotaExceeded);
  // A size: 1k of grace.
  plugin["quota_grace"] = "1k";
  auto sized = UserQuota::For(plugin, {}, dir.path());
  ASSERT_TRUE(sized && *sized);
  EXPECT_TRUE((*sized)->CheckAppend(1124).ok());
  EXPECT_EQ((*sized)->CheckAppend(1125).code(), Code::kQuotaExceeded);

  // Once over the limit, grace gives nothing.
  Fill(dir.path(), 2, 100);  // 1100 of 1000, stored by something that does not keep maildirsize
  std::filesystem::remove(dir.path() + "/maildirsize");  // so it is recounted
  plugin.erase("quota_grace");
  auto over = UserQuota::For(plugin, {}, dir.path());
  ASSERT_TRUE(over && *over);
  EXPECT_TRUE((*over)->Full().value());
  EXPECT_EQ((*over)->CheckAppend(1).code(), Code::kQuotaExceeded);
}

TEST(UserQuotaTest, EveryCheckOfADeliveryUsesTheUsageItFound) {
  base::testing::TempDir dir;
  Fill(dir.path(), 2, 10);
  auto quota = UserQuota::For({{"quota", "maildir:User quota"}, {"quota_rule", "*:messages=3"}}, {},
                              dir.path());
  ASSERT_TRUE(quota && *quota);
  ASSERT_TRUE((*quota)->CheckAppend(10).ok());
  Fill(dir.path(), 1, 10);
  (*quota)->Recorded(10);
  // The second store of the same delivery (fileinto + keep) is held to the usage before it,
  // as Dovecot's per-mailbox transactions are: both go in, or neither.
  EXPECT_TRUE((*quota)->CheckAppend(10).ok());
  // maildirsize has the change: the next delivery sees 3 of 3.
  EXPECT_EQ(base::ReadFile(dir.path() + "/maildirsize").value(), "3C\n20 2\n10 1\n");
  auto next = UserQuota::For({{"quota", "maildir:User quota"}, {"quota_rule", "*:messages=3"}}, {},
                             dir.path());
  EXPECT_EQ((*next)->CheckAppend(10).code(), Code::kQuotaExceeded);
  EXPECT_TRUE((*next)->Full().value());
}

TEST(UserQuotaTest, DirsizeCountsTheFilesAndWritesNothing) {
  base::testing::TempDir dir;
  Fill(dir.path(), 1, 10);
  auto quota = UserQuota::For({{"quota", "dirsize:User quota"}, {"quota_rule", "*:messages=2"}}, {},
                              dir.path());
  ASSERT_TRUE(quota && *quota);
  EXPECT_FALSE((*quota)->Full().value());
  EXPECT_TRUE((*quota)->CheckAppend(10).ok());
  (*quota)->Recorded(10);
  Fill(dir.path(), 1, 10);
  EXPECT_TRUE((*quota)->Full().value());
  EXPECT_FALSE(base::ReadFile(dir.path() + "/maildirsize"));
}

}  // namespace
}  // namespace lda
