// Quota rules, the dirsize count and the Maildir++ maildirsize file.
#include "storage/quota.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/fs.h"
#include "base/testing/temp_dir.h"
#include "storage/mail_store.h"

namespace storage {
namespace {

TEST(QuotaTest, RulesInDovecotSyntax) {
  QuotaLimits limits;
  ASSERT_TRUE(ApplyQuotaRule("*:storage=1G", limits).ok());
  ASSERT_TRUE(ApplyQuotaRule("*:messages=10000", limits).ok());
  EXPECT_EQ(limits.storage, 1ull << 30);
  EXPECT_EQ(limits.messages, 10000u);
  ASSERT_TRUE(ApplyQuotaRule("*:bytes=512k", limits).ok());
  EXPECT_EQ(limits.storage, 512u * 1024);
  ASSERT_TRUE(ApplyQuotaRule("*:storage=100MB", limits).ok());
  EXPECT_EQ(limits.storage, 100ull << 20);
  ASSERT_TRUE(ApplyQuotaRule("*:ignore", limits).ok());
  EXPECT_EQ(limits.storage, 0u);
  EXPECT_EQ(ApplyQuotaRule("*:storage=lots", limits).code(), base::Status::Code::kInvalidArgument);
  EXPECT_EQ(ApplyQuotaRule("storage=1G", limits).code(), base::Status::Code::kInvalidArgument);
  EXPECT_EQ(ApplyQuotaRule("Trash:storage=+10%", limits).code(), base::Status::Code::kUnsupported);
}

TEST(QuotaTest, GraceIsForALastMessageUnderTheLimit) {
  QuotaLimits limits{.storage = 1000, .messages = 0};
  EXPECT_EQ(ParseQuotaGrace("10%", limits).value(), 100u);
  EXPECT_EQ(ParseQuotaGrace("10%%", limits).value(), 100u);  // as a config file escapes it
  EXPECT_EQ(ParseQuotaGrace("0", limits).value(), 0u);
  EXPECT_EQ(ParseQuotaGrace("1M", limits).value(), 1u << 20);
  EXPECT_EQ(ParseQuotaGrace("50 %", limits).value(), 500u);
  EXPECT_EQ(ParseQuotaGrace("200%", {.storage = UINT64_MAX}).value(), UINT64_MAX);
  EXPECT_EQ(ParseQuotaGrace("lots", limits).error().code(), base::Status::Code::kInvalidArgument);
  EXPECT_EQ(ParseQuotaGrace("%", limits).error().code(), base::Status::Code::kInvalidArgument);

  // 900 of 1000 used: 100 fit, and with 100 of grace 200.
  QuotaUsage usage{.bytes = 900, .messages = 9};
  EXPECT_TRUE(CheckAppend(usage, limits, 100).ok());
  EXPECT_EQ(CheckAppend(usage, limits, 101).code(), base::Status::Code::kQuotaExceeded);
  EXPECT_TRUE(CheckAppend(usage, limits, 200, 100).ok());
  EXPECT_EQ(CheckAppend(usage, limits, 201, 100).code(), base::Status::Code::kQuotaExceeded);
  EXPECT_TRUE(CheckAppend(usage, limits, 100, UINT64_MAX).ok());
  // At or over the limit there is no grace.
  EXPECT_EQ(CheckAppend({.bytes = 1000}, limits, 1, 100).code(),
            base::Status::Code::kQuotaExceeded);
  EXPECT_EQ(CheckAppend({.bytes = 1050}, limits, 1, 100).message(),
            "Quota exceeded (mailbox for user is full): 1050 of 1000 bytes used");
  // Grace is for storage only: the message count is a hard limit.
  EXPECT_EQ(CheckAppend(usage, {.storage = 1000, .messages = 9}, 1, 100).code(),
            base::Status::Code::kQuotaExceeded);
}

TEST(QuotaTest, MaildirSizeCountsRecordsAndRefuses) {
  base::testing::TempDir dir;
  MailStore store(dir.path(), Layout::kMaildirPlusPlus);
  ASSERT_TRUE(store.Open("INBOX")->Append(std::string(100, 'a')));
  ASSERT_TRUE(store.Create("Archive").ok());
  ASSERT_TRUE(store.Open("Archive")->Append(std::string(50, 'b')));
  EXPECT_EQ(CountMaildirUsage(dir.path())->bytes, 150);

  MaildirSize quota(dir.path(), {.storage = 300, .messages = 3});
  auto usage = quota.Usage();  // first use: counted from the files
  ASSERT_TRUE(usage);
  EXPECT_EQ(usage->bytes, 150);
  EXPECT_EQ(usage->messages, 2);
  EXPECT_EQ(base::ReadFile(dir.path() + "/maildirsize").value(), "300S,3C\n150 2\n");
  EXPECT_TRUE(quota.CheckAppend(150).ok());
  EXPECT_EQ(quota.CheckAppend(151).code(), base::Status::Code::kQuotaExceeded);
  ASSERT_TRUE(quota.Record(100, 1).ok());
  EXPECT_EQ(quota.Usage()->messages, 3);
  base::Status full = quota.CheckAppend(1);
  EXPECT_EQ(full.code(), base::Status::Code::kQuotaExceeded);
  EXPECT_EQ(full.message(), "Quota exceeded (mailbox for user is full): 3 of 3 messages");
  ASSERT_TRUE(quota.Record(-100, -1).ok());
  EXPECT_TRUE(quota.CheckAppend(1).ok());

  // New limits (a changed quota_rule) make the file be recounted.
  MaildirSize bigger(dir.path(), {.storage = 1000, .messages = 0});
  EXPECT_EQ(bigger.Usage()->bytes, 150);
  EXPECT_EQ(base::ReadFile(dir.path() + "/maildirsize").value(), "1000S\n150 2\n");
}

TEST(QuotaTest, AMissingMaildirUsesNothing) {
  base::testing::TempDir dir;
  std::string root = dir.path() + "/Maildir";
  EXPECT_EQ(CountMaildirUsage(root)->messages, 0);
  MaildirSize quota(root, {.messages = 1});
  EXPECT_EQ(quota.Usage()->bytes, 0);
  EXPECT_TRUE(quota.CheckAppend(10).ok());
  EXPECT_FALSE(std::filesystem::exists(root));  // nothing created before the first message
  MailStore store(root, Layout::kMaildirPlusPlus);
  ASSERT_TRUE(store.Open("INBOX")->Append(std::string(10, 'a')));
  ASSERT_TRUE(quota.Record(10, 1).ok());  // no maildirsize yet: counted, the message included
  EXPECT_EQ(base::ReadFile(root + "/maildirsize").value(), "1C\n10 1\n");
  EXPECT_EQ(quota.CheckAppend(10).code(), base::Status::Code::kQuotaExceeded);
}

TEST(QuotaTest, TornOrLongFilesAreHandled) {
  base::testing::TempDir dir;
  MailStore store(dir.path(), Layout::kMaildirPlusPlus);
  ASSERT_TRUE(store.Open("INBOX")->Append(std::string(10, 'a')));
  std::ofstream(dir.path() + "/maildirsize") << "100S\n10 1\n5";  // torn last line
  MaildirSize quota(dir.path(), {.storage = 100});
  EXPECT_EQ(quota.Usage()->bytes, 10);
  std::string big = "100S\n";
  for (int i = 0; i < 2000; ++i) big += "1 0\n";
  std::ofstream(dir.path() + "/maildirsize") << big;  // over 5120 bytes: recounted
  EXPECT_EQ(quota.Usage()->bytes, 10);
}

}  // namespace
}  // namespace storage
