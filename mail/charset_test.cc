#include "mail/charset.h"

#include <gtest/gtest.h>

namespace mail {
namespace {

TEST(CharsetTest, Utf8PassesThrough) {
  EXPECT_EQ(ToUtf8("caf\xc3\xa9", "UTF-8"), "caf\xc3\xa9");
  EXPECT_EQ(ToUtf8("", "utf-8"), "");
}

TEST(CharsetTest, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(ToUtf8("a\xff"
                   "b",
                   "utf-8"),
            "a\xef\xbf\xbd"
            "b");
}

TEST(CharsetTest, Latin1AndWindows1252) {
  EXPECT_EQ(ToUtf8("caf\xe9", "ISO-8859-1"), "caf\xc3\xa9");
  EXPECT_EQ(ToUtf8("caf\xe9", "latin1"), "caf\xc3\xa9");
  // 0x80 is the euro sign in windows-1252 but a C1 control in ISO-8859-1.
  EXPECT_EQ(ToUtf8("\x80", "windows-1252"), "\xe2\x82\xac");
  EXPECT_EQ(ToUtf8("\x80", "iso-8859-1"), "\xc2\x80");
}

TEST(CharsetTest, Koi8rAndShiftJis) {
  EXPECT_EQ(ToUtf8("\xf0\xd2\xc9\xd7\xc5\xd4", "koi8-r"),
            "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82");                   // "Привет"
  EXPECT_EQ(ToUtf8("\x93\xfa\x96\x7b", "Shift_JIS"), "\xe6\x97\xa5\xe6\x9c\xac");  // "日本"
}

TEST(CharsetTest, NamesAreCaseInsensitive) {
  EXPECT_EQ(ToUtf8("\xe9", "Iso-8859-1"), "\xc3\xa9");
  EXPECT_EQ(ToUtf8("\xe9", "WINDOWS-1252"), "\xc3\xa9");
}

TEST(CharsetTest, UnknownCharsetIsNullopt) {
  EXPECT_EQ(ToUtf8("abc", "x-no-such-charset"), std::nullopt);
  EXPECT_EQ(ToUtf8("abc", ""), std::nullopt);
  EXPECT_EQ(ToUtf8("abc", "utf-8,swaplfnl"), std::nullopt);
}

TEST(CharsetTest, AsciiWithEightBitBytesIsReplaced) {
  EXPECT_EQ(ToUtf8("plain", "us-ascii"), "plain");
  EXPECT_EQ(ToUtf8("a\xe9", "us-ascii"), "a\xef\xbf\xbd");
}

TEST(CharsetTest, LongInputCrossesConversionBuffers) {
  std::string latin1(50000, '\xe9');
  std::optional<std::string> utf8 = ToUtf8(latin1, "iso-8859-1");
  ASSERT_TRUE(utf8.has_value());
  EXPECT_EQ(utf8->size(), 100000u);
  EXPECT_EQ(utf8->substr(99998), "\xc3\xa9");
}

}  // namespace
}  // namespace mail
