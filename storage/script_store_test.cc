// Pigeonhole's file layout for Sieve scripts: names, quota, atomic replace, the active link.
#include "storage/script_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/fs.h"
#include "base/testing/temp_dir.h"

namespace storage {
namespace {

namespace fs = std::filesystem;

std::string Names(const ScriptStore& store) {
  auto list = store.List();
  if (!list) return "ERROR " + list.error().message();
  std::string out;
  for (const ScriptInfo& s : *list) out += s.name + (s.active ? "*" : "") + " ";
  return out;
}

TEST(ScriptStoreTest, PutListReadDelete) {
  base::testing::TempDir home;
  ScriptStore store(home.path() + "/sieve", home.path() + "/.dovecot.sieve");
  EXPECT_EQ(Names(store), "");  // no sieve_dir yet: nothing, not an error
  ASSERT_TRUE(store.Put("vacation", "require \"vacation\";\n").ok());
  ASSERT_TRUE(store.Put("spam filter", "keep;\n").ok());
  EXPECT_EQ(Names(store), "spam filter vacation ");
  EXPECT_EQ(store.Read("vacation").value(), "require \"vacation\";\n");
  EXPECT_EQ(store.Read("nope").error().code(), base::Status::Code::kNotFound);
  std::ofstream(home.path() + "/sieve/spam filter.svbin") << "old binary";
  ASSERT_TRUE(store.Put("spam filter", "discard;\n").ok());  // replace
  EXPECT_FALSE(fs::exists(home.path() + "/sieve/spam filter.svbin"));  // stale binary gone
  ASSERT_TRUE(store.Delete("spam filter").ok());
  EXPECT_EQ(store.Delete("spam filter").code(), base::Status::Code::kNotFound);
  EXPECT_EQ(Names(store), "vacation ");
}

TEST(ScriptStoreTest, NamesFollowRfc5804) {
  EXPECT_EQ(ScriptStore::CheckName("Urlaub ✈"), std::nullopt);
  EXPECT_TRUE(ScriptStore::CheckName(""));
  EXPECT_TRUE(ScriptStore::CheckName("a/b"));
  EXPECT_TRUE(ScriptStore::CheckName("tab\there"));
  EXPECT_TRUE(ScriptStore::CheckName("c1\xc2\x85"));  // NEL, a C1 control
  EXPECT_TRUE(ScriptStore::CheckName("\xff"));
  EXPECT_TRUE(ScriptStore::CheckName(std::string(257, 'a')));
  EXPECT_EQ(ScriptStore::CheckName(std::string(256, 'a')), std::nullopt);
}

TEST(ScriptStoreTest, ActiveLinkAsPigeonholeWritesIt) {
  base::testing::TempDir home;
  const std::string link = home.path() + "/.dovecot.sieve";
  ScriptStore store(home.path() + "/sieve", link);
  ASSERT_TRUE(store.Put("main", "keep;\n").ok());
  ASSERT_TRUE(store.Put("other", "discard;\n").ok());
  EXPECT_EQ(store.ActiveName().value(), std::nullopt);
  ASSERT_TRUE(store.Activate("main").ok());
  EXPECT_EQ(fs::read_symlink(link), "sieve/main.sieve");  // relative, as Pigeonhole's
  EXPECT_EQ(Names(store), "main* other ");
  EXPECT_EQ(store.Delete("main").code(), base::Status::Code::kInvalidArgument);
  ASSERT_TRUE(store.Rename("main", "renamed").ok());  // stays active
  EXPECT_EQ(store.ActiveName().value(), "renamed");
  EXPECT_EQ(base::ReadFile(link).value(), "keep;\n");
  EXPECT_EQ(store.Rename("renamed", "other").code(), base::Status::Code::kInvalidArgument);
  ASSERT_TRUE(store.Activate("").ok());
  EXPECT_FALSE(fs::exists(fs::symlink_status(link)));
  EXPECT_EQ(store.Activate("missing").code(), base::Status::Code::kNotFound);
}

TEST(ScriptStoreTest, HandWrittenActiveFileIsKeptAsDovecotOrig) {
  base::testing::TempDir home;
  const std::string link = home.path() + "/.dovecot.sieve";
  std::ofstream(link) << "require \"fileinto\"; fileinto \"Old\";\n";
  ScriptStore store(home.path() + "/sieve", link);
  ASSERT_TRUE(store.Put("new", "keep;\n").ok());
  // A typo changes nothing: the hand-written script stays where it is, and active.
  EXPECT_EQ(store.Activate("nwe").code(), base::Status::Code::kNotFound);
  EXPECT_FALSE(std::filesystem::is_symlink(link));
  EXPECT_EQ(base::ReadFile(link).value(), "require \"fileinto\"; fileinto \"Old\";\n");
  ASSERT_TRUE(store.Activate("new").ok());
  EXPECT_EQ(Names(store), "dovecot.orig new* ");
  EXPECT_EQ(store.Read("dovecot.orig").value(), "require \"fileinto\"; fileinto \"Old\";\n");
}

TEST(ScriptStoreTest, QuotaCountsScriptsAndBytes) {
  base::testing::TempDir home;
  ScriptStore store(home.path() + "/sieve", home.path() + "/.dovecot.sieve",
                    {.max_scripts = 2, .max_storage = 100});
  ASSERT_TRUE(store.Put("a", std::string(40, 'x')).ok());
  ASSERT_TRUE(store.Put("b", std::string(40, 'x')).ok());
  EXPECT_EQ(store.Put("c", "x").code(), base::Status::Code::kQuotaExceeded);  // third script
  EXPECT_EQ(store.Put("b", std::string(61, 'x')).code(), base::Status::Code::kQuotaExceeded);
  EXPECT_TRUE(store.Put("b", std::string(60, 'x')).ok());  // replacing gives its bytes back
  EXPECT_EQ(store.CheckSpace("a", 40).code(), base::Status::Code::kOk);
  EXPECT_EQ(Names(store), "a b ");
}

}  // namespace
}  // namespace storage
