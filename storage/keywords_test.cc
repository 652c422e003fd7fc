// dovecot-keywords: keyword <-> Maildir letter.
#include "storage/keywords.h"

#include <gtest/gtest.h>

namespace storage {
namespace {

TEST(KeywordsTest, LettersFollowTheIndexes) {
  auto keywords = Keywords::Parse("0 $Junk\n2 Work\n");
  ASSERT_TRUE(keywords);
  EXPECT_EQ(keywords->Letter("$junk", false), 'a');
  EXPECT_EQ(keywords->Letter("Work", false), 'c');
  EXPECT_EQ(keywords->Name('c'), "Work");
  EXPECT_EQ(keywords->Name('b'), std::nullopt);
  EXPECT_EQ(keywords->Letter("Home", false), std::nullopt);
  EXPECT_EQ(keywords->Letter("Home", true), 'b');  // the first free letter
  EXPECT_EQ(keywords->Format(), "0 $Junk\n1 Home\n2 Work\n");
}

TEST(KeywordsTest, OnlyTwentySixFit) {
  Keywords keywords;
  for (int i = 0; i < 26; ++i) ASSERT_TRUE(keywords.Letter("k" + std::to_string(i), true));
  EXPECT_EQ(keywords.Letter("one-too-many", true), std::nullopt);
}

TEST(KeywordsTest, CorruptLines) {
  EXPECT_FALSE(Keywords::Parse("26 x\n"));
  EXPECT_FALSE(Keywords::Parse("a b\n"));
  EXPECT_FALSE(Keywords::Parse("1\n"));
}

}  // namespace
}  // namespace storage
