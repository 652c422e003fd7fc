#include "mail/mime.h"

#include <string>

#include <gtest/gtest.h>

#include "mail/limits.h"

namespace mail {
namespace {

const char kMixed[] =
    "Content-Type: multipart/mixed; boundary=\"outer\"\r\n"
    "\r\n"
    "This is the preamble.\r\n"
    "--outer\r\n"
    "Content-Type: multipart/alternative; boundary=inner\r\n"
    "\r\n"
    "--inner\r\n"
    "Content-Type: text/plain; charset=iso-8859-1\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n"
    "\r\n"
    "caf=E9 =\r\n"
    "cr=E8me\r\n"
    "--inner\r\n"
    "Content-Type: text/html; charset=\"utf-8\"\r\n"
    "\r\n"
    "<p>hi</p>\r\n"
    "--inner--\r\n"
    "--outer\r\n"
    "Content-Type: application/octet-stream; name=\"a b.bin\"\r\n"
    "Content-Transfer-Encoding: BASE64\r\n"
    "\r\n"
    "SGVsbG8s\r\n"
    "IHdvcmxk\r\n"
    "--outer--\r\n"
    "This is the epilogue.\r\n";

TEST(MimeTest, MixedWithNestedAlternative) {
  MimePart root(kMixed);
  EXPECT_EQ(root.content_type(), "multipart/mixed");
  EXPECT_EQ(root.type(), "multipart");
  EXPECT_EQ(root.subtype(), "mixed");
  EXPECT_EQ(root.param("BOUNDARY"), "outer");
  ASSERT_TRUE(root.is_multipart());
  ASSERT_EQ(root.children().size(), 2u);

  const MimePart& alt = *root.children()[0];
  EXPECT_EQ(alt.content_type(), "multipart/alternative");
  EXPECT_EQ(alt.depth(), 1);
  ASSERT_EQ(alt.children().size(), 2u);
  const MimePart& text = *alt.children()[0];
  EXPECT_EQ(text.content_type(), "text/plain");
  EXPECT_EQ(text.raw_body(), "caf=E9 =\r\ncr=E8me");
  EXPECT_EQ(text.DecodedBody(), "caf\xe9 cr\xe8me");
  EXPECT_EQ(text.TextBody(), "caf\xc3\xa9 cr\xc3\xa8me");
  EXPECT_EQ(alt.children()[1]->content_type(), "text/html");
  EXPECT_EQ(alt.children()[1]->raw_body(), "<p>hi</p>");
  EXPECT_EQ(alt.children()[1]->param("charset"), "utf-8");

  const MimePart& bin = *root.children()[1];
  EXPECT_EQ(bin.param("name"), "a b.bin");
  EXPECT_EQ(bin.DecodedBody(), "Hello, world");
  EXPECT_FALSE(bin.is_multipart());
  EXPECT_TRUE(bin.children().empty());
}

TEST(MimeTest, DefaultsToTextPlainWhenAbsentOrInvalid) {
  MimePart none("Subject: x\n\nbody\n");
  EXPECT_EQ(none.content_type(), "text/plain");
  EXPECT_EQ(none.raw_body(), "body\n");
  MimePart bad("Content-Type: garbage\n\nbody\n");
  EXPECT_EQ(bad.content_type(), "text/plain");
  EXPECT_EQ(bad.param("charset"), "");
}

TEST(MimeTest, ContentTypeWithCommentsCaseAndUnquotedBoundary) {
  MimePart p(
      "Content-Type: (c) Multipart/MIXED (x); junk; BOUNDARY=----=_Part_1.2 ; a=\"q\\\"v\"\n\n");
  EXPECT_EQ(p.content_type(), "multipart/mixed");
  EXPECT_EQ(p.param("boundary"), "----=_Part_1.2");
  EXPECT_EQ(p.param("a"), "q\"v");
}

TEST(MimeTest, MessageRfc822HasOneEmbeddedMessage) {
  MimePart p(
      "Content-Type: message/rfc822\n"
      "\n"
      "Subject: inner\n"
      "Content-Type: text/plain; charset=koi8-r\n"
      "\n"
      "\xf0\xd2\xc9\xd7\xc5\xd4\n");
  ASSERT_EQ(p.children().size(), 1u);
  const MimePart& inner = *p.children()[0];
  EXPECT_EQ(inner.headers().GetFirst("subject"), "inner");
  EXPECT_EQ(inner.TextBody(), "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82\n");
  EXPECT_FALSE(p.is_multipart());
}

TEST(MimeTest, DigestPartsDefaultToMessageRfc822) {
  MimePart digest(
      "Content-Type: multipart/digest; boundary=d\n"
      "\n"
      "--d\n"
      "\n"
      "Subject: first\n"
      "\n"
      "one\n"
      "--d\n"
      "Content-Type: text/plain\n"
      "\n"
      "two\n"
      "--d--\n");
  ASSERT_EQ(digest.children().size(), 2u);
  const MimePart& first = *digest.children()[0];
  EXPECT_EQ(first.content_type(), "message/rfc822");
  ASSERT_EQ(first.children().size(), 1u);
  EXPECT_EQ(first.children()[0]->headers().GetFirst("Subject"), "first");
  EXPECT_EQ(first.children()[0]->raw_body(), "one");
  EXPECT_EQ(digest.children()[1]->content_type(), "text/plain");
}

TEST(MimeTest, MissingCloseDelimiterEndsAtBodyEnd) {
  MimePart p(
      "Content-Type: multipart/mixed; boundary=b\n\n"
      "--b\n\nfirst\n--b\n\nsecond\nstill second\n");
  ASSERT_EQ(p.children().size(), 2u);
  EXPECT_EQ(p.children()[0]->raw_body(), "first");
  EXPECT_EQ(p.children()[1]->raw_body(), "second\nstill second\n");
}

TEST(MimeTest, MultipartWithoutBoundaryIsALeaf) {
  MimePart p("Content-Type: multipart/mixed\n\n--b\n\nfirst\n--b--\n");
  EXPECT_EQ(p.content_type(), "multipart/mixed");
  EXPECT_FALSE(p.is_multipart());
  EXPECT_TRUE(p.children().empty());
}

TEST(MimeTest, BoundaryThatIsAPrefixOfALongerLineIsNotADelimiter) {
  MimePart p(
      "Content-Type: multipart/mixed; boundary=b\n\n"
      "--b\n\nkeep\n--bb\nstill\n--b  \n\nnext\n--b--\n");
  ASSERT_EQ(p.children().size(), 2u);
  EXPECT_EQ(p.children()[0]->raw_body(), "keep\n--bb\nstill");
  EXPECT_EQ(p.children()[1]->raw_body(), "next");
}

TEST(MimeTest, HeaderlessPartsAndEmptyMultipart) {
  MimePart p("Content-Type: multipart/mixed; boundary=x\n\n--x\nno headers here\n--x--\n");
  ASSERT_EQ(p.children().size(), 1u);
  EXPECT_TRUE(p.children()[0]->headers().fields().empty());
  EXPECT_EQ(p.children()[0]->raw_body(), "no headers here");
  MimePart empty("Content-Type: multipart/mixed; boundary=x\n\nonly preamble\n");
  EXPECT_TRUE(empty.children().empty());
}

TEST(MimeTest, TextBodyCharsetFallbacks) {
  MimePart ascii("Content-Type: text/plain\n\ncaf\xc3\xa9");
  EXPECT_EQ(ascii.TextBody(), "caf\xc3\xa9");  // us-ascii default read as UTF-8
  MimePart unknown("Content-Type: text/plain; charset=x-klingon\n\na\xff");
  EXPECT_EQ(unknown.TextBody(), "a\xef\xbf\xbd");
  MimePart b64(
      "Content-Type: text/plain; charset=windows-1252\n"
      "Content-Transfer-Encoding: base64\n\ngA==\n");
  EXPECT_EQ(b64.TextBody(), "\xe2\x82\xac");
}

TEST(MimeTest, UnknownTransferEncodingIsRaw) {
  MimePart p("Content-Transfer-Encoding: x-uuencode\n\nbegin 644\n");
  EXPECT_EQ(p.DecodedBody(), "begin 644\n");
}

TEST(MimeTest, DepthLimitTurnsDeepPartsIntoLeaves) {
  // kMaxMimeDepth + 5 nested message/rfc822 wrappers.
  std::string raw = "Subject: core\n\ncore\n";
  for (int i = 0; i < kMaxMimeDepth + 5; ++i) raw = "Content-Type: message/rfc822\n\n" + raw;
  MimePart root(raw);
  const MimePart* part = &root;
  int levels = 0;
  while (!part->children().empty()) {
    part = part->children()[0].get();
    ++levels;
  }
  EXPECT_EQ(levels, kMaxMimeDepth);
  EXPECT_EQ(part->depth(), kMaxMimeDepth);
  EXPECT_EQ(part->content_type(), "message/rfc822");
}

TEST(MimeTest, ChildrenAreCappedPerMultipart) {
  std::string raw = "Content-Type: multipart/mixed; boundary=b\n\n";
  for (size_t i = 0; i < kMaxMimeChildren + 10; ++i) raw += "--b\n\nx\n";
  MimePart root(raw);
  EXPECT_EQ(root.children().size(), kMaxMimeChildren);
}

}  // namespace
}  // namespace mail
