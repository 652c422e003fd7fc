#include "mail/header.h"

#include <chrono>
#include <string>

#include <gtest/gtest.h>

namespace mail {
namespace {

TEST(HeaderTest, UnfoldsContinuationLinesKeepingTheWhitespace) {
  HeaderList h = HeaderList::Parse("Subject: This is\r\n a test\r\n\tof folding\r\nTo: x@y\r\n");
  ASSERT_EQ(h.fields().size(), 2u);
  EXPECT_EQ(h.fields()[0].name, "Subject");
  EXPECT_EQ(h.fields()[0].value, "This is a test\tof folding");
  EXPECT_EQ(h.GetFirst("to"), "x@y");
}

TEST(HeaderTest, NamesAreCaseInsensitiveAndKeepTheirSpelling) {
  HeaderList h = HeaderList::Parse("content-TYPE: text/plain\n");
  EXPECT_TRUE(h.Has("Content-Type"));
  EXPECT_TRUE(h.Has("CONTENT-type"));
  EXPECT_FALSE(h.Has("Content-Typ"));
  EXPECT_EQ(h.fields()[0].name, "content-TYPE");
}

TEST(HeaderTest, RepeatedFieldsComeBackInMessageOrder) {
  HeaderList h = HeaderList::Parse("Received: one\nX-A: a\nreceived: two\nRECEIVED: three\n");
  std::vector<std::string_view> all = h.GetAll("Received");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0], "one");
  EXPECT_EQ(all[1], "two");
  EXPECT_EQ(all[2], "three");
  EXPECT_EQ(h.GetFirst("received"), "one");
  EXPECT_TRUE(h.GetAll("Missing").empty());
}

TEST(HeaderTest, GetFirstOfAbsentAndEmptyFieldsDiffersOnlyInHas) {
  HeaderList h = HeaderList::Parse("X-Empty:\r\n");
  EXPECT_TRUE(h.Has("X-Empty"));
  EXPECT_EQ(h.GetFirst("X-Empty"), "");
  EXPECT_FALSE(h.Has("X-Other"));
  EXPECT_EQ(h.GetFirst("X-Other"), "");
}

TEST(HeaderTest, ValuesAreTrimmedAndRawNotDecoded) {
  HeaderList h = HeaderList::Parse("Subject:   =?utf-8?q?caf=C3=A9?=  \t\r\n");
  EXPECT_EQ(h.GetFirst("Subject"), "=?utf-8?q?caf=C3=A9?=");
}

TEST(HeaderTest, StopsAtTheFirstEmptyLine) {
  HeaderList h = HeaderList::Parse("A: 1\r\n\r\nB: 2\r\n");
  EXPECT_TRUE(h.Has("A"));
  EXPECT_FALSE(h.Has("B"));
}

TEST(HeaderTest, SkipsLinesWithoutColonAndStrayContinuations) {
  HeaderList h = HeaderList::Parse("  stray\nnot a header\nA: 1\nbroken line\nB: 2");
  ASSERT_EQ(h.fields().size(), 2u);
  EXPECT_EQ(h.GetFirst("A"), "1");
  EXPECT_EQ(h.GetFirst("B"), "2");  // last line without line end still counts
}

TEST(HeaderTest, ObsoleteWhitespaceBeforeColon) {
  HeaderList h = HeaderList::Parse("Subject : hi\n");
  ASSERT_EQ(h.fields().size(), 1u);
  EXPECT_EQ(h.fields()[0].name, "Subject");
  EXPECT_EQ(h.fields()[0].value, "hi");
}

TEST(HeaderTest, ValueMayContainColons) {
  HeaderList h = HeaderList::Parse("Date: Mon, 1 Jan 2024 10:11:12 +0000\n");
  EXPECT_EQ(h.GetFirst("date"), "Mon, 1 Jan 2024 10:11:12 +0000");
}

TEST(HeaderSectionTest, ReportsTheBodyOffset) {
  std::string raw = "A: 1\r\nB: 2\r\n\r\nbody\r\n";
  HeaderSection s = ParseHeaderSection(raw);
  EXPECT_EQ(s.headers.fields().size(), 2u);
  EXPECT_EQ(raw.substr(s.body_offset), "body\r\n");
}

TEST(HeaderSectionTest, NoBodyNoHeadersAndEmptyInput) {
  HeaderSection only_headers = ParseHeaderSection("A: 1\n");
  EXPECT_EQ(only_headers.body_offset, 5u);
  HeaderSection only_body = ParseHeaderSection("\nhello");
  EXPECT_TRUE(only_body.headers.fields().empty());
  EXPECT_EQ(only_body.body_offset, 1u);
  HeaderSection empty = ParseHeaderSection("");
  EXPECT_TRUE(empty.headers.fields().empty());
  EXPECT_EQ(empty.body_offset, 0u);
}

TEST(HeaderSectionTest, FirstLineThatIsNoFieldMeansNoHeaderSection) {
  HeaderSection s = ParseHeaderSection("just text\nX: y\n");
  EXPECT_TRUE(s.headers.fields().empty());
  EXPECT_EQ(s.body_offset, 0u);
  HeaderSection mbox = ParseHeaderSection("From a@b Mon Jan  1 00:00:00 2024\nX: y\n\nz");
  EXPECT_EQ(mbox.headers.GetFirst("x"), "y");
}

// The header parse sits on every delivery; keep it allocation-light. Generous bound so that a
// loaded CI machine does not flake, tight enough to catch an accidental quadratic or map.
TEST(HeaderTest, ParsesATypicalHeaderBlockQuickly) {
  std::string block;
  for (int i = 0; i < 30; ++i) {
    block += "Received: from host" + std::to_string(i) + ".example.org by mx.example.net\r\n";
    block += "\twith ESMTPS id " + std::to_string(i * 7919) + "\r\n";
  }
  block += "\r\n" + std::string(1024, 'x');
  constexpr int kRounds = 2000;
  size_t total = 0;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kRounds; ++i) total += ParseHeaderSection(block).headers.fields().size();
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(total, 30u * kRounds);
  EXPECT_LT(elapsed / kRounds, std::chrono::microseconds(50));
}

TEST(HeaderTest, FieldNamesArePrintableAsciiWithoutColon) {
  EXPECT_TRUE(IsFieldName("X-Some-Header"));
  EXPECT_FALSE(IsFieldName("X-field:"));
  EXPECT_FALSE(IsFieldName("X field"));
  EXPECT_FALSE(IsFieldName(""));
  EXPECT_FALSE(IsFieldName("X-\xc3\xa9"));
}

}  // namespace
}  // namespace mail
