// roost.index: format, damage, when it is trusted, and Maildir listing from it.
#include "storage/mailbox_index.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/testing/temp_dir.h"
#include "storage/maildir.h"

namespace storage {
namespace {

namespace fs = std::filesystem;

TEST(MailboxIndexTest, RoundTripsAndRejectsDamage) {
  MailboxIndex index{.stamp = {1, 2, 3, 0}, .written_at = 9'000'000'000, .uid_validity = 77,
                     .records = {{1, 100, 1700000000, "cur/a:2,S"}, {5, 20, 1700000001, "new/b"}}};
  auto parsed = ParseIndex(FormatIndex(index));
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(FormatIndex(*parsed), FormatIndex(index));
  EXPECT_EQ(parsed->records[1].file, "new/b");
  EXPECT_FALSE(ParseIndex("garbage"));
  EXPECT_FALSE(ParseIndex("roost-index 1"));   // header cut short: an error, not a throw
  EXPECT_FALSE(ParseIndex("roost-index 12 1 2 3 0 9 77\n"));
  EXPECT_FALSE(ParseIndex("roost-index 1 1 2 3 0 9 77\n5 1 1 a\n2 1 1 b\n"));  // not ascending
  EXPECT_FALSE(ParseIndex("roost-index 1 1 2 3 0 9 77\n5 x 1 a\n"));
}

TEST(MailboxIndexTest, TrustedOnlyWhenSettled) {
  MailboxIndex index{.stamp = {1'000'000'000, 0, 0, 0}, .written_at = 3'000'000'001};
  EXPECT_TRUE(IndexIsCurrent(index, {1'000'000'000, 0, 0, 0}));
  EXPECT_FALSE(IndexIsCurrent(index, {1'000'000'001, 0, 0, 0}));  // changed
  index.written_at = 2'500'000'000;  // written within the settle time of the last change
  EXPECT_FALSE(IndexIsCurrent(index, {1'000'000'000, 0, 0, 0}));
}

void SetMtime(const std::string& path, int64_t secs) {
  timespec times[2] = {{secs, 0}, {secs, 0}};
  ASSERT_EQ(utimensat(AT_FDCWD, path.c_str(), times, 0), 0) << path;
}

TEST(MailboxIndexTest, MaildirListsFromTheIndexUntilSomethingChanges) {
  base::testing::TempDir dir;
  auto box = Maildir::Open(dir.path(), {.create = true});
  ASSERT_TRUE(box);
  ASSERT_TRUE(box->Append("Subject: one\r\n\r\n", {"\\Seen"}));
  ASSERT_TRUE(box->Sync());
  // Make every change an hour old, then sync: the index written now is trusted.
  const int64_t past = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch()).count() - 3600;
  for (const char* p : {"/new", "/cur", "/dovecot-uidlist"}) SetMtime(dir.path() + p, past);
  fs::remove(dir.path() + "/roost.index");
  auto listed = box->Sync();
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_GT((*listed)[0].internal_date, 0);
  ASSERT_TRUE(fs::exists(dir.path() + "/roost.index"));

  // A file slipped in without changing new/'s mtime (the same-tick case): the index answers,
  // which shows that no directory was scanned.
  std::ofstream(dir.path() + "/new/1700000000.M1P1.x,S=4") << "x\r\n\r\n";
  SetMtime(dir.path() + "/new", past);
  listed = box->Sync();
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].flags, std::vector<std::string>{"\\Seen"});

  // Any real change (here new/'s mtime) makes the next listing scan and see it.
  SetMtime(dir.path() + "/new", past + 10);
  listed = box->Sync();
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->size(), 2u);

  // A damaged index is only a cache miss.
  std::ofstream(dir.path() + "/roost.index") << "roost-index 1 broken";
  listed = box->Sync();
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->size(), 2u);
}

}  // namespace
}  // namespace storage
