// Maildir: durable appends, UIDs through dovecot-uidlist, flags and keywords, concurrency.
#include "storage/maildir.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "base/fs.h"
#include "base/testing/temp_dir.h"
#include "storage/uidlist.h"
#include "storage/dot_lock.h"

namespace storage {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Names(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(MaildirTest, OpenCreatesOnlyWhenAsked) {
  base::testing::TempDir dir;
  EXPECT_EQ(Maildir::Open(dir.path() + "/Maildir").error().code(), base::Status::Code::kNotFound);
  ASSERT_TRUE(Maildir::Open(dir.path() + "/Maildir", {.create = true}));
  EXPECT_EQ(Names(dir.path() + "/Maildir"), (std::vector<std::string>{"cur", "new", "tmp"}));
  // A mailbox missing cur/ gets it back, as Dovecot does.
  fs::remove(dir.path() + "/Maildir/cur");
  ASSERT_TRUE(Maildir::Open(dir.path() + "/Maildir"));
  EXPECT_TRUE(fs::is_directory(dir.path() + "/Maildir/cur"));
}

TEST(MaildirTest, AppendIsInNewWithSizesAndTmpIsEmpty) {
  base::testing::TempDir dir;
  auto box = Maildir::Open(dir.path(), {.create = true});
  ASSERT_TRUE(box);
  auto file = box->Append("Subject: hi\n\nbody\n");
  ASSERT_TRUE(file) << file.error().message();
  EXPECT_TRUE(file->starts_with("new/"));
  EXPECT_NE(file->find(",S=18,W=21"), std::string::npos);  // three bare LFs count twice in W
  EXPECT_EQ(base::ReadFile(dir.path() + "/" + *file).value(), "Subject: hi\n\nbody\n");
  EXPECT_TRUE(Names(dir.path() + "/tmp").empty());
}

TEST(MaildirTest, SyncAssignsUidsInArrivalOrderAndKeepsThem) {
  base::testing::TempDir dir;
  auto box = Maildir::Open(dir.path(), {.create = true});
  ASSERT_TRUE(box);
  ASSERT_TRUE(box->Append("Subject: 1\r\n\r\n"));
  ASSERT_TRUE(box->Append("Subject: 2\r\n\r\n"));
  auto first = box->Sync();
  ASSERT_TRUE(first) << first.error().message();
  ASSERT_EQ(first->size(), 2u);
  EXPECT_EQ((*first)[0].uid, 1u);
  EXPECT_EQ((*first)[1].uid, 2u);
  ASSERT_TRUE(box->Append("Subject: 3\r\n\r\n"));
  ASSERT_TRUE(box->Expunge(1).ok());
  auto second = box->Sync();
  ASSERT_TRUE(second);
  ASSERT_EQ(second->size(), 2u);
  EXPECT_EQ((*second)[0].uid, 2u);
  EXPECT_EQ((*second)[0].file, (*first)[1].file);
  EXPECT_EQ((*second)[1].uid, 3u);
  auto list = ParseUidlist(base::ReadFile(dir.path() + "/dovecot-uidlist").value());
  ASSERT_TRUE(list);
  EXPECT_EQ(list->next_uid, 4u);
  EXPECT_EQ(list->guid.size(), 32u);
  EXPECT_FALSE(fs::exists(dir.path() + "/dovecot-uidlist.lock"));
  EXPECT_EQ(box->Expunge(1).code(), base::Status::Code::kNotFound);
}

// Within one second, ".M5" arrived before ".M12": UIDs follow the numbers, not the text.
TEST(MaildirTest, UidsFollowArrivalTimeNumerically) {
  base::testing::TempDir dir;
  auto box = Maildir::Open(dir.path(), {.create = true});
  ASSERT_TRUE(box);
  for (const char* name : {"1700000000.M12P1Q1.h", "1700000000.M5P1Q1.h", "1699999999.M900P1Q1.h"}) {
    std::ofstream(dir.path() + "/new/" + name) << "Subject: x\r\n\r\n";
  }
  auto listed = box->Sync();
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 3u);
  EXPECT_EQ((*listed)[0].file, "new/1699999999.M900P1Q1.h");
  EXPECT_EQ((*listed)[1].file, "new/1700000000.M5P1Q1.h");
  EXPECT_EQ((*listed)[2].file, "new/1700000000.M12P1Q1.h");
}

TEST(MaildirTest, FlagsAndKeywordsBecomeInfoLetters) {
  base::testing::TempDir dir;
  auto box = Maildir::Open(dir.path(), {.create = true});
  ASSERT_TRUE(box);
  auto file = box->Append("Subject: x\r\n\r\n", {"\\Seen", "$Junk", "\\Recent", "\\Flagged"});
  ASSERT_TRUE(file);
  EXPECT_TRUE(file->starts_with("cur/"));
  EXPECT_TRUE(file->ends_with(":2,FSa"));
  EXPECT_EQ(base::ReadFile(dir.path() + "/dovecot-keywords").value(), "0 $Junk\n");
  // A keyword that is not an IMAP atom is refused and the keywords file stays readable.
  EXPECT_EQ(box->Append("x\r\n", {"bad\nkw"}).error().code(), base::Status::Code::kInvalidArgument);
  EXPECT_EQ(box->Append("x\r\n", {"two words"}).error().code(), base::Status::Code::kInvalidArgument);
  EXPECT_EQ(base::ReadFile(dir.path() + "/dovecot-keywords").value(), "0 $Junk\n");
  auto listed = box->Sync();
  ASSERT_TRUE(listed);
  EXPECT_EQ((*listed)[0].flags, (std::vector<std::string>{"\\Flagged", "\\Seen", "$Junk"}));
  ASSERT_TRUE(box->SetFlags(1, {"\\Answered", "Work"}).ok());
  listed = box->Sync();
  ASSERT_TRUE(listed);
  EXPECT_EQ((*listed)[0].uid, 1u);  // a rename keeps the UID
  EXPECT_TRUE((*listed)[0].file.ends_with(":2,Rb"));
  EXPECT_EQ((*listed)[0].flags, (std::vector<std::string>{"\\Answered", "Work"}));
}

TEST(MaildirTest, CopyAndMoveCarryFlagsAndKeywordsByName) {
  base::testing::TempDir dir;
  auto inbox = Maildir::Open(dir.path() + "/inbox", {.create = true});
  auto archive = Maildir::Open(dir.path() + "/archive", {.create = true});
  ASSERT_TRUE(inbox && archive);
  ASSERT_TRUE(archive->Append("Subject: old\r\n\r\n", {"Other"}));  // takes letter 'a' there
  ASSERT_TRUE(inbox->Append("Subject: keep me\r\n\r\n", {"\\Seen", "Work"}));
  ASSERT_TRUE(inbox->Append("Subject: move me\r\n\r\n"));
  ASSERT_TRUE(inbox->Sync());
  auto copied = inbox->CopyTo(1, *archive);
  ASSERT_TRUE(copied) << copied.error().message();
  EXPECT_TRUE(copied->ends_with(":2,Sb"));  // "Work" is 'b' in the archive
  auto moved = inbox->MoveTo(2, *archive);
  ASSERT_TRUE(moved) << moved.error().message();
  auto in_archive = archive->Sync();
  ASSERT_TRUE(in_archive);
  ASSERT_EQ(in_archive->size(), 3u);
  EXPECT_EQ((*in_archive)[1].flags, (std::vector<std::string>{"\\Seen", "Work"}));
  EXPECT_EQ(base::ReadFile(dir.path() + "/archive/" + (*in_archive)[2].file).value(),
            "Subject: move me\r\n\r\n");
  auto left = inbox->Sync();
  ASSERT_TRUE(left);
  ASSERT_EQ(left->size(), 1u);  // the moved one is gone, the copied one stays
  EXPECT_EQ((*left)[0].uid, 1u);
  EXPECT_EQ(inbox->CopyTo(2, *archive).error().code(), base::Status::Code::kNotFound);
}

TEST(MaildirTest, CorruptUidlistIsRebuiltWithANewUidValidity) {
  base::testing::TempDir dir;
  auto box = Maildir::Open(dir.path(), {.create = true, .now = [] {
                                          return std::chrono::system_clock::from_time_t(1000);
                                        }});
  ASSERT_TRUE(box);
  ASSERT_TRUE(box->Append("Subject: x\r\n\r\n"));
  ASSERT_TRUE(box->Append("Subject: y\r\n\r\n"));
  std::ofstream(dir.path() + "/dovecot-uidlist") << "3 V5000 N9\n5 :a\n2 :b\n";
  auto listed = box->Sync();
  ASSERT_TRUE(listed) << listed.error().message();
  EXPECT_EQ(listed->size(), 2u);  // nothing lost
  EXPECT_EQ(box->last_repair(),
            "dovecot-uidlist line 3: UIDs not ascending; rebuilt with new UIDVALIDITY, the old "
            "list is " + dir.path() + "/dovecot-uidlist.corrupt");
  EXPECT_EQ(box->UidValidity().value(), 5001u);  // above what clients knew
  EXPECT_TRUE(fs::exists(dir.path() + "/dovecot-uidlist.corrupt"));
}

TEST(MaildirTest, MissingCurIsRecreatedAndSaidSo) {
  base::testing::TempDir dir;
  auto box = Maildir::Open(dir.path(), {.create = true});
  ASSERT_TRUE(box);
  ASSERT_TRUE(box->Append("Subject: x\r\n\r\n"));
  fs::remove_all(dir.path() + "/cur");
  auto listed = box->Sync();
  ASSERT_TRUE(listed) << listed.error().message();
  EXPECT_EQ(listed->size(), 1u);  // the message in new/ is still listed
  EXPECT_EQ(box->last_repair(), "recreated missing " + dir.path() + "/cur");
  EXPECT_TRUE(fs::is_directory(dir.path() + "/cur"));
}

TEST(MaildirTest, UnreadableUidlistIsAClearError) {
  base::testing::TempDir dir;
  auto box = Maildir::Open(dir.path(), {.create = true});
  ASSERT_TRUE(box);
  ASSERT_TRUE(box->Append("Subject: x\r\n\r\n"));
  fs::create_directory(dir.path() + "/dovecot-uidlist");  // cannot be read as a file
  auto listed = box->Sync();
  ASSERT_FALSE(listed);
  EXPECT_NE(listed.error().message().find(dir.path() + "/dovecot-uidlist"), std::string::npos)
      << listed.error().message();
  EXPECT_EQ(fs::directory_iterator(dir.path() + "/new")->path().parent_path(),
            dir.path() + "/new");  // the message is untouched
}

// Several writers and readers on one mailbox: every message gets one UID, UIDs ascend with
// the uidlist order, nothing is lost.
TEST(MaildirTest, ConcurrentWritersAndReaders) {
  base::testing::TempDir dir;
  ASSERT_TRUE(Maildir::Open(dir.path(), {.create = true}));
  constexpr int kWriters = 4, kPerWriter = 100;
  std::vector<std::thread> threads;
  std::atomic<bool> failed = false;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      auto box = Maildir::Open(dir.path());
      for (int i = 0; i < kPerWriter && box; ++i) {
        if (!box->Append("Subject: " + std::to_string(w) + "-" + std::to_string(i) + "\r\n\r\n")) {
          failed = true;
        }
        if (i % 10 == 0 && !box->Sync()) failed = true;
      }
    });
  }
  for (int r = 0; r < 2; ++r) {
    threads.emplace_back([&] {
      auto box = Maildir::Open(dir.path());
      for (int i = 0; i < 50 && box; ++i) {
        if (!box->Sync()) failed = true;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_FALSE(failed);
  auto box = Maildir::Open(dir.path());
  auto listed = box->Sync();
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), static_cast<size_t>(kWriters * kPerWriter));
  std::set<std::string> files;
  for (size_t i = 0; i < listed->size(); ++i) {
    if (i > 0) {
      EXPECT_LT((*listed)[i - 1].uid, (*listed)[i].uid);
    }
    files.insert((*listed)[i].file);
  }
  EXPECT_EQ(files.size(), listed->size());
}

}  // namespace
}  // namespace storage

namespace storage {
namespace {

// A lock holder that was taken for dead (its lock broken and taken by another process) must
// neither publish its list over the other's nor remove the other's lock.
TEST(DotLockTest, ABrokenLockIsNotCommittedOrRemoved) {
  base::testing::TempDir dir;
  auto first = DotLock::Acquire(dir.path() + "/dovecot-uidlist");
  ASSERT_TRUE(first);
  const std::string lock = dir.path() + "/dovecot-uidlist.lock";
  std::filesystem::remove(lock);  // what a process breaking a stale lock does
  auto second = DotLock::Acquire(dir.path() + "/dovecot-uidlist");
  ASSERT_TRUE(second);
  EXPECT_EQ(first->Commit("3 V1 N1\n").code(), base::Status::Code::kTemporary);
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/dovecot-uidlist"));
  EXPECT_TRUE(std::filesystem::exists(lock));  // the second holder's lock is intact
  EXPECT_TRUE(second->Commit("3 V1 N1\n").ok());
  EXPECT_TRUE(std::filesystem::exists(dir.path() + "/dovecot-uidlist"));
}

}  // namespace
}  // namespace storage

namespace storage {
namespace {

// New keywords are added under the uidlist lock: writers adding different keywords at the
// same time never share a letter.
TEST(MaildirTest, ConcurrentNewKeywordsKeepTheirOwnLetters) {
  base::testing::TempDir dir;
  ASSERT_TRUE(Maildir::Open(dir.path(), {.create = true}));
  std::vector<std::thread> writers;
  for (int w = 0; w < 8; ++w) {
    writers.emplace_back([&, w] {
      auto box = Maildir::Open(dir.path());
      if (box) (void)box->Append("Subject: " + std::to_string(w) + "\r\n\r\n", {"kw" + std::to_string(w)});
    });
  }
  for (auto& t : writers) t.join();
  auto box = Maildir::Open(dir.path());
  auto listed = box->Sync();
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 8u);
  for (const MaildirMessage& m : *listed) {
    auto content = base::ReadFile(dir.path() + "/" + m.file).value();
    std::string n = content.substr(9, content.find('\r') - 9);
    EXPECT_EQ(m.flags, std::vector<std::string>{"kw" + n}) << m.file;
  }
}

}  // namespace
}  // namespace storage
