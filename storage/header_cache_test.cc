// roost.cache: header blocks cached once, surviving reopen, torn tails, compaction.
#include "storage/header_cache.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/fs.h"
#include "base/testing/temp_dir.h"
#include "storage/maildir.h"

namespace storage {
namespace {

TEST(HeaderCacheTest, HeaderBlockEndsAtTheEmptyLine) {
  EXPECT_EQ(HeaderBlock("A: 1\r\nB: 2\r\n\r\nbody\r\n"), "A: 1\r\nB: 2\r\n\r\n");
  EXPECT_EQ(HeaderBlock("A: 1\n\nbody"), "A: 1\n\n");
  EXPECT_EQ(HeaderBlock("A: 1\r\n"), "A: 1\r\n");
}

TEST(HeaderCacheTest, EntriesPersistAndATornTailIsIgnored) {
  base::testing::TempDir dir;
  const std::string path = dir.path() + "/roost.cache";
  {
    HeaderCache cache(path);
    ASSERT_TRUE(cache.Put("m1", "Subject: one\r\n\r\n").ok());
    ASSERT_TRUE(cache.Put("m2", "Subject: two\nX: y\n\n").ok());
  }
  std::ofstream(path, std::ios::app) << "m3 999\nSubject: cut";  // a writer died mid-entry
  HeaderCache again(path);
  EXPECT_EQ(again.Get("m1"), "Subject: one\r\n\r\n");
  EXPECT_EQ(again.Get("m2"), "Subject: two\nX: y\n\n");
  EXPECT_EQ(again.Get("m3"), std::nullopt);
  ASSERT_TRUE(again.Compact({"m2"}).ok());  // half dead: rewritten
  EXPECT_EQ(base::ReadFile(path).value(), "m2 19\nSubject: two\nX: y\n\n\n");
}

TEST(HeaderCacheTest, MaildirServesHeadersFromTheCache) {
  base::testing::TempDir dir;
  auto box = Maildir::Open(dir.path(), {.create = true});
  ASSERT_TRUE(box);
  auto file = box->Append("From: a@example.com\r\nSubject: hi\r\n\r\nlong body\r\n");
  ASSERT_TRUE(file);
  ASSERT_TRUE(box->Sync());
  EXPECT_EQ(box->Header(1).value(), "From: a@example.com\r\nSubject: hi\r\n\r\n");
  // The second time the file is not read: even without it the header is there.
  std::filesystem::remove(dir.path() + "/" + *file);
  std::ofstream(dir.path() + "/" + *file) << "garbage";
  EXPECT_EQ(box->Header(1).value(), "From: a@example.com\r\nSubject: hi\r\n\r\n");
  EXPECT_EQ(box->Header(7).error().code(), base::Status::Code::kNotFound);
}

}  // namespace
}  // namespace storage
