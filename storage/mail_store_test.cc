// Mailbox tree operations over Maildir++ and LAYOUT=fs.
#include "storage/mail_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>
#include <vector>

#include "base/fs.h"
#include "base/testing/temp_dir.h"

namespace storage {
namespace {

namespace fs = std::filesystem;

std::string Listing(const MailStore& store, std::string_view pattern) {
  auto list = store.List(pattern);
  if (!list) return "ERROR " + list.error().message();
  std::string out;
  for (const MailboxInfo& box : *list) {
    out += box.name + (box.has_children ? "+" : "") + (box.selectable ? "" : "!") + " ";
  }
  return out;
}

TEST(MailStoreTest, ListPatterns) {
  EXPECT_TRUE(MatchesListPattern("Lists/Dovecot", "*"));
  EXPECT_TRUE(MatchesListPattern("Lists/Dovecot", "Lists/%"));
  EXPECT_FALSE(MatchesListPattern("Lists/Dovecot", "%"));
  EXPECT_TRUE(MatchesListPattern("Lists", "%"));
  EXPECT_TRUE(MatchesListPattern("a/b/c", "a*c"));
  EXPECT_FALSE(MatchesListPattern("a/b/c", "a%c"));
  EXPECT_TRUE(MatchesListPattern("", "*"));
  // No backtracking blow-up on many wildcards.
  EXPECT_FALSE(MatchesListPattern(std::string(5000, 'a'), std::string(200, '*') + "b"));
}

TEST(MailStoreTest, MaildirPlusPlusTree) {
  base::testing::TempDir dir;
  MailStore store(dir.path(), Layout::kMaildirPlusPlus);
  ASSERT_TRUE(store.Open("INBOX"));
  ASSERT_TRUE(store.Create("Lists/Dovecot").ok());
  ASSERT_TRUE(store.Create("Entwürfe").ok());
  ASSERT_TRUE(store.Create("Archive").ok());
  EXPECT_TRUE(fs::exists(dir.path() + "/.Lists.Dovecot/maildirfolder"));
  EXPECT_TRUE(fs::is_directory(dir.path() + "/.Entw&APw-rfe/cur"));
  EXPECT_EQ(Listing(store, "*"), "INBOX Archive Entwürfe Lists+! Lists/Dovecot ");
  EXPECT_EQ(Listing(store, "%"), "INBOX Archive Entwürfe Lists+! ");
  EXPECT_EQ(store.Create("Archive").code(), base::Status::Code::kInvalidArgument);
  EXPECT_EQ(store.Create("a.b").code(), base::Status::Code::kInvalidArgument);

  ASSERT_TRUE(store.Create("Lists").ok());
  ASSERT_TRUE(store.Rename("Lists", "Mailing lists").ok());
  EXPECT_EQ(Listing(store, "*"), "INBOX Archive Entwürfe Mailing lists+ Mailing lists/Dovecot ");
  EXPECT_EQ(store.Rename("INBOX", "x").code(), base::Status::Code::kUnsupported);
  EXPECT_EQ(store.Rename("nope", "x").code(), base::Status::Code::kNotFound);

  ASSERT_TRUE(store.Delete("Mailing lists").ok());
  EXPECT_EQ(Listing(store, "*"), "INBOX Archive Entwürfe Mailing lists+! Mailing lists/Dovecot ");
  EXPECT_EQ(store.Delete("INBOX").code(), base::Status::Code::kInvalidArgument);
  EXPECT_EQ(store.Open("Mailing lists").error().code(), base::Status::Code::kNotFound);
}

TEST(MailStoreTest, FsLayoutTree) {
  base::testing::TempDir dir;
  MailStore store(dir.path(), Layout::kFs);
  ASSERT_TRUE(store.Create("Lists/Dovecot").ok());
  ASSERT_TRUE(store.Create("a.b").ok());
  EXPECT_TRUE(fs::is_directory(dir.path() + "/Lists/Dovecot/cur"));
  EXPECT_EQ(Listing(store, "*"), "INBOX Lists+! Lists/Dovecot a.b ");
  fs::create_directories(dir.path() + "/.hidden/cur");  // not a mailbox name: skipped
  EXPECT_EQ(Listing(store, "*"), "INBOX Lists+! Lists/Dovecot a.b ");
  EXPECT_EQ(store.Create("cur").code(), base::Status::Code::kInvalidArgument);
  ASSERT_TRUE(store.Rename("Lists", "L").ok());
  EXPECT_EQ(Listing(store, "*"), "INBOX L+! L/Dovecot a.b ");
}

// 15-mailboxes.conf: auto = create | subscribe, special_use.
TEST(MailStoreTest, AutoMailboxesAndSpecialUse) {
  base::testing::TempDir dir;
  using Auto = MailboxSetting::Auto;
  MailStore store(dir.path(), Layout::kMaildirPlusPlus,
                  {{"Drafts", Auto::kSubscribe, {"\\Drafts"}},
                   {"Sent Messages", Auto::kNo, {"\\Sent"}},
                   {"Sent", Auto::kSubscribe, {"\\Sent"}},
                   {"Junk", Auto::kCreate, {"\\Junk"}},
                   {"Trash", Auto::kNo, {"\\Trash"}}});
  EXPECT_EQ(store.SpecialUseMailbox("\\Junk"), std::nullopt);  // not created yet
  ASSERT_TRUE(store.EnsureAutoMailboxes().ok());
  ASSERT_TRUE(store.EnsureAutoMailboxes().ok());  // idempotent
  EXPECT_EQ(Listing(store, "*"), "INBOX Drafts Junk Sent ");
  EXPECT_EQ(store.Subscriptions().value(), (std::vector<std::string>{"Drafts", "Sent"}));
  EXPECT_EQ(store.SpecialUseMailbox("\\junk"), "Junk");
  EXPECT_EQ(store.SpecialUseMailbox("\\Sent"), "Sent");  // "Sent Messages" does not exist
  EXPECT_EQ(store.SpecialUseMailbox("\\Trash"), std::nullopt);
  auto list = store.List("Junk");
  ASSERT_TRUE(list);
  EXPECT_EQ(list->at(0).special_use, std::vector<std::string>{"\\Junk"});
  EXPECT_EQ(CheckSpecialUse("\\Archive"), std::nullopt);
  EXPECT_TRUE(CheckSpecialUse("\\Spam"));
}

TEST(MailStoreTest, SubscriptionsInDovecotFormat) {
  base::testing::TempDir dir;
  MailStore store(dir.path(), Layout::kMaildirPlusPlus);
  ASSERT_TRUE(store.SetSubscribed("INBOX", true).ok());
  ASSERT_TRUE(store.SetSubscribed("Lists/Dovecot", true).ok());
  ASSERT_TRUE(store.SetSubscribed("Lists/Dovecot", true).ok());
  EXPECT_EQ(base::ReadFile(dir.path() + "/subscriptions").value(), "V\t2\n\nINBOX\nLists\tDovecot\n");
  ASSERT_TRUE(store.SetSubscribed("INBOX", false).ok());
  EXPECT_EQ(store.Subscriptions().value(), std::vector<std::string>{"Lists/Dovecot"});
}

// Sessions of one user subscribing at the same time (each its own store, as separate IMAP
// sessions): every name is kept, none lost to another's read-modify-write.
TEST(MailStoreTest, ConcurrentSubscriptionsAreAllKept) {
  base::testing::TempDir dir;
  std::vector<std::thread> sessions;
  for (int s = 0; s < 8; ++s) {
    sessions.emplace_back([&dir, s]() {
      MailStore store(dir.path(), Layout::kMaildirPlusPlus);
      for (int k = 0; k < 10; ++k) {
        EXPECT_TRUE(store.SetSubscribed("box" + std::to_string(s) + "-" + std::to_string(k), true).ok());
      }
    });
  }
  for (auto& session : sessions) session.join();
  MailStore store(dir.path(), Layout::kMaildirPlusPlus);
  EXPECT_EQ(store.Subscriptions().value().size(), 80u);
  EXPECT_FALSE(fs::exists(dir.path() + "/subscriptions.lock"));
}

}  // namespace
}  // namespace storage
