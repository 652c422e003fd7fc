#include "mail/encoded_words.h"

#include <gtest/gtest.h>

namespace mail {
namespace {

TEST(EncodedWordsTest, PlainTextIsReturnedAsIs) {
  EXPECT_EQ(DecodeEncodedWords("Hello world"), "Hello world");
  EXPECT_EQ(DecodeEncodedWords(""), "");
  EXPECT_EQ(DecodeEncodedWords("a = b ? c"), "a = b ? c");
}

TEST(EncodedWordsTest, Utf8Base64) {
  EXPECT_EQ(DecodeEncodedWords("=?UTF-8?B?Y2Fmw6k=?="), "caf\xc3\xa9");
  EXPECT_EQ(DecodeEncodedWords("=?utf-8?b?Y2Fmw6k?="), "caf\xc3\xa9");  // padding omitted
}

TEST(EncodedWordsTest, Utf8QWithUnderscoresAndHex) {
  EXPECT_EQ(DecodeEncodedWords("=?utf-8?Q?caf=C3=A9_au_lait?="), "caf\xc3\xa9 au lait");
  EXPECT_EQ(DecodeEncodedWords("=?utf-8?q?a=5fb?="), "a_b");  // encoded '_' stays '_'
}

TEST(EncodedWordsTest, SurroundingTextIsKept) {
  EXPECT_EQ(DecodeEncodedWords("Re: =?utf-8?q?caf=C3=A9?= (2)"), "Re: caf\xc3\xa9 (2)");
}

TEST(EncodedWordsTest, Iso88591Windows1252AndKoi8r) {
  EXPECT_EQ(DecodeEncodedWords("=?ISO-8859-1?Q?Andr=E9?= Pirard"), "Andr\xc3\xa9 Pirard");
  EXPECT_EQ(DecodeEncodedWords("=?windows-1252?Q?=80100?="),
            "\xe2\x82\xac"
            "100");
  EXPECT_EQ(DecodeEncodedWords("=?koi8-r?B?8NLJ18XU?="),
            "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82");
}

TEST(EncodedWordsTest, StatefulAndMultibyteCharsets) {
  EXPECT_EQ(DecodeEncodedWords("=?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?="),
            "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e");  // "日本語"
  EXPECT_EQ(DecodeEncodedWords("=?gb2312?B?xOO6ww==?="), "\xe4\xbd\xa0\xe5\xa5\xbd");  // "你好"
}

TEST(EncodedWordsTest, WhitespaceBetweenAdjacentWordsIsDropped) {
  // RFC 2047 §8 examples.
  EXPECT_EQ(DecodeEncodedWords("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)"), "(ab)");
  EXPECT_EQ(DecodeEncodedWords("(=?ISO-8859-1?Q?a?=  \t =?ISO-8859-1?Q?b?=)"), "(ab)");
  EXPECT_EQ(DecodeEncodedWords("(=?ISO-8859-1?Q?a_b?=)"), "(a b)");
  EXPECT_EQ(DecodeEncodedWords("(=?ISO-8859-1?Q?a?= b)"), "(a b)");
  EXPECT_EQ(DecodeEncodedWords("=?utf-8?q?a?= =?iso-8859-1?q?=E9?="), "a\xc3\xa9");
}

TEST(EncodedWordsTest, MultibyteCharacterSplitAcrossWords) {
  // "é" is C3 A9; a sloppy encoder cut it in half.
  EXPECT_EQ(DecodeEncodedWords("=?utf-8?B?w6?= =?utf-8?Q?=A9?="), "\xc3\xa9");
  EXPECT_EQ(DecodeEncodedWords("=?utf-8?Q?=C3?= =?UTF-8?Q?=A9x?="), "\xc3\xa9x");
}

TEST(EncodedWordsTest, Rfc2231LanguageSuffixIsIgnored) {
  EXPECT_EQ(DecodeEncodedWords("=?utf-8*en?Q?hello?="), "hello");
  EXPECT_EQ(DecodeEncodedWords("=?US-ASCII*EN?Q?Keith_Moore?="), "Keith Moore");
}

TEST(EncodedWordsTest, InvalidBase64StaysRaw) {
  EXPECT_EQ(DecodeEncodedWords("=?utf-8?B?Y2F!mw6k=?="), "=?utf-8?B?Y2F!mw6k=?=");
  EXPECT_EQ(DecodeEncodedWords("x =?utf-8?B?Y?= y"), "x =?utf-8?B?Y?= y");  // 6 bits only
}

TEST(EncodedWordsTest, InvalidQAndUnknownEncodingStayRaw) {
  EXPECT_EQ(DecodeEncodedWords("=?utf-8?Q?bad=ZZ?="), "=?utf-8?Q?bad=ZZ?=");
  EXPECT_EQ(DecodeEncodedWords("=?utf-8?X?abc?="), "=?utf-8?X?abc?=");
}

TEST(EncodedWordsTest, UnknownCharsetStaysRaw) {
  EXPECT_EQ(DecodeEncodedWords("Hi =?x-martian?Q?zork?= there"), "Hi =?x-martian?Q?zork?= there");
}

TEST(EncodedWordsTest, UnknownCharsetWordDoesNotSwallowItsNeighbours) {
  EXPECT_EQ(DecodeEncodedWords("=?x-martian?Q?a?= =?utf-8?Q?b?="), "=?x-martian?Q?a?= b");
  EXPECT_EQ(DecodeEncodedWords("=?utf-8?Q?b?= =?x-martian?Q?a?="), "b =?x-martian?Q?a?=");
  EXPECT_EQ(DecodeEncodedWords("=?x-a?Q?a?= =?x-a?Q?b?="), "=?x-a?Q?a?= =?x-a?Q?b?=");
}

TEST(EncodedWordsTest, TruncatedOrMalformedWordsNeverCrash) {
  for (const char* s : {"=?", "=?utf-8", "=?utf-8?", "=?utf-8?Q", "=?utf-8?Q?", "=?utf-8?Q?abc",
                        "=?utf-8?Q?abc?", "=??Q?abc?=", "=?=?=?=?", "=?utf-8?Q?=?="}) {
    EXPECT_EQ(DecodeEncodedWords(s), s);
  }
}

TEST(EncodedWordsTest, WordAfterAFailedCandidateStillDecodes) {
  EXPECT_EQ(DecodeEncodedWords("=?bad =?utf-8?Q?ok?="), "=?bad ok");
}

TEST(EncodedWordsTest, InvalidBytesInKnownCharsetBecomeReplacement) {
  EXPECT_EQ(DecodeEncodedWords("=?utf-8?Q?a=FFb?="),
            "a\xef\xbf\xbd"
            "b");
}

}  // namespace
}  // namespace mail

namespace mail {
namespace {

TEST(EncodeEncodedWordsTest, AsciiStaysAsIs) {
  EXPECT_EQ(EncodeEncodedWords("Header content"), "Header content");
}

TEST(EncodeEncodedWordsTest, EncodesTheStretchWithEightBitWords) {
  EXPECT_EQ(EncodeEncodedWords("Ein unerh\xc3\xb6rt gro\xc3\x9f"
                               "er Test"),
            "Ein =?utf-8?q?unerh=C3=B6rt_gro=C3=9Fer?= Test");
}

TEST(EncodeEncodedWordsTest, LongTextSplitsIntoWordsThatRoundTrip) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "\xd0\xad\xd1\x82\xd0\xbe ";
  text += "end";
  std::string encoded = EncodeEncodedWords(text);
  size_t start = 0;
  while (start < encoded.size()) {
    size_t space = encoded.find(' ', start);
    if (space == std::string::npos) space = encoded.size();
    EXPECT_LE(space - start, 75u);
    start = space + 1;
  }
  EXPECT_EQ(DecodeEncodedWords(encoded), text);
}

}  // namespace
}  // namespace mail
