#include "mail/message.h"

#include <utility>

#include <gtest/gtest.h>

namespace mail {
namespace {

TEST(MessageTest, HeadersAndBody) {
  Message m("From: a@b\r\nSubject: hi\r\n\r\nbody text\r\n");
  EXPECT_EQ(m.headers().GetFirst("subject"), "hi");
  EXPECT_EQ(m.body(), "body text\r\n");
  EXPECT_EQ(m.size(), m.bytes().size());
  EXPECT_EQ(m.mime_root().content_type(), "text/plain");
  EXPECT_EQ(m.mime_root().raw_body(), "body text\r\n");
}

TEST(MessageTest, NoBodyAndNoHeaders) {
  Message headers_only("Subject: x\n");
  EXPECT_EQ(headers_only.body(), "");
  EXPECT_TRUE(headers_only.headers().Has("Subject"));
  Message body_only("\nhello\n");
  EXPECT_TRUE(body_only.headers().fields().empty());
  EXPECT_EQ(body_only.body(), "hello\n");
  Message empty("");
  EXPECT_EQ(empty.body(), "");
  EXPECT_TRUE(empty.mime_root().children().empty());
}

TEST(MessageTest, MoveOfShortMessageKeepsValidViews) {
  // Short enough for the small-string buffer: the bytes move to a new address.
  Message a("X: 1\n\nhi");
  EXPECT_EQ(a.mime_root().raw_body(), "hi");
  Message b(std::move(a));
  EXPECT_EQ(b.body(), "hi");
  EXPECT_EQ(b.headers().GetFirst("x"), "1");
  EXPECT_EQ(b.mime_root().raw_body(), "hi");
  EXPECT_EQ(b.mime_root().raw().data(), b.bytes().data());
  Message c("");
  c = std::move(b);
  EXPECT_EQ(c.body(), "hi");
  EXPECT_EQ(c.mime_root().raw().data(), c.bytes().data());
}

TEST(MessageTest, MoveOfLongMessageKeepsTheTree) {
  std::string raw = "Content-Type: multipart/mixed; boundary=zz\n\n--zz\n\n" +
                    std::string(100, 'a') + "\n--zz--\n";
  Message a(raw);
  const MimePart* root = &a.mime_root();
  ASSERT_EQ(root->children().size(), 1u);
  Message b(std::move(a));
  EXPECT_EQ(&b.mime_root(), root);  // heap buffer moved with the string: tree kept
  EXPECT_EQ(b.mime_root().children()[0]->raw_body(), std::string(100, 'a'));
}

}  // namespace
}  // namespace mail
