#include "base/strings.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "base/fs.h"
#include "base/status.h"

namespace base {
namespace {

TEST(StringsTest, CaseHelpers) {
  EXPECT_EQ(AsciiToLower("FoO-1"), "foo-1");
  EXPECT_TRUE(EqualsIgnoreCase("Subject", "SUBJECT"));
  EXPECT_FALSE(EqualsIgnoreCase("Subject", "Subjec"));
  EXPECT_TRUE(StartsWithIgnoreCase("Content-Type", "content-"));
}

TEST(StringsTest, ParseUint64RejectsJunkAndOverflow) {
  EXPECT_EQ(ParseUint64("123"), 123u);
  EXPECT_FALSE(ParseUint64(""));
  EXPECT_FALSE(ParseUint64("12a"));
  EXPECT_FALSE(ParseUint64("99999999999999999999999"));
}

TEST(FsTest, AtomicWriteThenRead) {
  std::string path = ::testing::TempDir() + "/roost_fs_test.txt";
  ASSERT_TRUE(WriteFileAtomic(path, "hello").ok());
  auto data = ReadFile(path);
  ASSERT_TRUE(data.has_value());
  EXPECT_EQ(*data, "hello");
  auto missing = ReadFile(path + ".missing");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), Status::Code::kNotFound);
}

// Two sessions of one user in one daemon replace the same script at once: the file ends as
// one of the texts, whole, never a mix (they once shared a pid-named temporary).
TEST(FsTest, ConcurrentAtomicWritesOfOneFileNeverMix) {
  std::string path = ::testing::TempDir() + "/roost_fs_concurrent.txt";
  const std::string texts[] = {std::string(100000, 'a'), std::string(70000, 'b')};
  std::vector<std::thread> writers;
  for (const std::string& text : texts) {
    writers.emplace_back([&path, &text]() {
      for (int i = 0; i < 50; ++i) EXPECT_TRUE(WriteFileAtomic(path, text).ok());
    });
  }
  for (auto& writer : writers) writer.join();
  auto data = ReadFile(path);
  ASSERT_TRUE(data.has_value());
  EXPECT_TRUE(*data == texts[0] || *data == texts[1]) << "size " << data->size();
}

}  // namespace
}  // namespace base

namespace base {
namespace {

TEST(StringsTest, HexAndUtf8Helpers) {
  EXPECT_EQ(HexEncode(std::string("\x1f\xa0", 2)), "1fa0");
  EXPECT_EQ(HexDecode("1FA0"), std::string("\x1f\xa0", 2));
  EXPECT_EQ(HexDecode("1"), std::nullopt);
  EXPECT_EQ(HexDecode("zz"), std::nullopt);
  EXPECT_EQ(HexDigitValue('g'), -1);
  std::string out;
  for (char32_t cp : {U'a', U'é', U'€', U'😀'}) AppendUtf8(cp, out);
  EXPECT_EQ(out, "aé€😀");
}

}  // namespace
}  // namespace base
