#include "config/internal/line_parser.h"

#include <string>

#include <gtest/gtest.h>

#include "config/limits.h"

namespace config::internal {
namespace {

std::vector<RawLine> Split(std::string_view text) {
  auto lines = SplitLines(text);
  EXPECT_TRUE(lines.has_value());
  return lines.value_or(std::vector<RawLine>{});
}

TEST(SplitLinesTest, DropsCommentsAndBlankLinesKeepingLineNumbers) {
  auto lines = Split("# header\n\n  a = 1  # trailing\n\tb = 2\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "a = 1");
  EXPECT_EQ(lines[0].line, 3);
  EXPECT_EQ(lines[1].text, "b = 2");
  EXPECT_EQ(lines[1].line, 4);
}

TEST(SplitLinesTest, HashInsideQuotesIsNotAComment) {
  auto lines = Split("a = \"x # y\" # c\nb = 'p#q'\nc = \"esc \\\" # still\"\n");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].text, "a = \"x # y\"");
  EXPECT_EQ(lines[1].text, "b = 'p#q'");
  EXPECT_EQ(lines[2].text, "c = \"esc \\\" # still\"");
}

TEST(SplitLinesTest, BackslashContinuesTheLine) {
  auto lines = Split("a = one \\\n    two\\\n\n# note\nthree\nb = \\Drafts\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "a = one twothree");
  EXPECT_EQ(lines[0].line, 1);
  // A backslash that does not end the line is data (special_use = \Drafts).
  EXPECT_EQ(lines[1].text, "b = \\Drafts");
  EXPECT_EQ(lines[1].line, 6);
}

TEST(SplitLinesTest, CrLfAndMissingFinalNewline) {
  auto lines = Split("a = 1\r\nb = 2");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "a = 1");
  EXPECT_EQ(lines[1].text, "b = 2");
}

TEST(SplitLinesTest, RejectsOverlongLine) {
  std::string text = "ok = 1\nk = " + std::string(kMaxLineLength, 'x') + "\n";
  auto lines = SplitLines(text);
  ASSERT_FALSE(lines.has_value());
  EXPECT_EQ(lines.error().line, 2);
  EXPECT_EQ(lines.error().message, "Line too long (limit 65536 bytes)");
}

ParsedLine Parse(std::string_view line) {
  auto parsed = ParseLine(line);
  EXPECT_TRUE(parsed.has_value()) << line << ": " << parsed.error();
  return parsed.value_or(ParsedLine{});
}

std::string ParseError(std::string_view line) {
  auto parsed = ParseLine(line);
  EXPECT_FALSE(parsed.has_value()) << line;
  return parsed ? "" : parsed.error();
}

TEST(ParseLineTest, KeyValue) {
  ParsedLine p = Parse("mail_location = maildir:~/Maildir");
  EXPECT_EQ(p.kind, LineKind::kKeyValue);
  EXPECT_EQ(p.key, "mail_location");
  EXPECT_EQ(p.value, "maildir:~/Maildir");
  EXPECT_FALSE(p.quoted);
  EXPECT_EQ(Parse("a=b").value, "b");
  EXPECT_EQ(Parse("a = b = c").value, "b = c");
}

TEST(ParseLineTest, EmptyValue) {
  ParsedLine p = Parse("auth_realms =");
  EXPECT_EQ(p.key, "auth_realms");
  EXPECT_EQ(p.value, "");
  EXPECT_EQ(Parse("x = \"\"").value, "");
}

TEST(ParseLineTest, DoubleQuotesTakeEscapes) {
  ParsedLine p = Parse(R"(greeting = "Roost \"ready\" \\ \t!")");
  EXPECT_EQ(p.value, "Roost \"ready\" \\ \t!");
  EXPECT_TRUE(p.quoted);
}

TEST(ParseLineTest, SingleQuotesAreLiteral) {
  ParsedLine p = Parse(R"(re = '^a\d+ "x"$')");
  EXPECT_EQ(p.value, R"(^a\d+ "x"$)");
  EXPECT_TRUE(p.quoted);
}

TEST(ParseLineTest, FileValue) {
  ParsedLine p = Parse("ssl_cert = </etc/ssl/cert.pem");
  EXPECT_EQ(p.kind, LineKind::kKeyFile);
  EXPECT_EQ(p.key, "ssl_cert");
  EXPECT_EQ(p.value, "/etc/ssl/cert.pem");
  EXPECT_EQ(Parse("k = < \"dir/my file\"").value, "dir/my file");
}

TEST(ParseLineTest, Sections) {
  ParsedLine p = Parse("plugin {");
  EXPECT_EQ(p.kind, LineKind::kSectionBegin);
  EXPECT_EQ(p.key, "plugin");
  EXPECT_EQ(p.value, "");
  p = Parse("service lmtp {");
  EXPECT_EQ(p.key, "service");
  EXPECT_EQ(p.value, "lmtp");
  p = Parse("mailbox \"Sent Messages\" {");
  EXPECT_EQ(p.key, "mailbox");
  EXPECT_EQ(p.value, "Sent Messages");
  EXPECT_EQ(Parse("plugin{").key, "plugin");
  EXPECT_EQ(Parse("}").kind, LineKind::kSectionEnd);
}

TEST(ParseLineTest, Includes) {
  ParsedLine p = Parse("!include conf.d/*.conf");
  EXPECT_EQ(p.kind, LineKind::kInclude);
  EXPECT_EQ(p.value, "conf.d/*.conf");
  p = Parse("!include_try \"local file.conf\"");
  EXPECT_EQ(p.kind, LineKind::kIncludeTry);
  EXPECT_EQ(p.value, "local file.conf");
}

TEST(ParseLineTest, Errors) {
  EXPECT_EQ(ParseError("ssl_cert /etc/x"), "Expecting '='");
  EXPECT_EQ(ParseError("lonely"), "Expecting '='");
  EXPECT_EQ(ParseError("service lmtp extra {"), "Expecting '{'");
  EXPECT_EQ(ParseError("plugin { sieve = x }"), "Garbage after '{'");
  EXPECT_EQ(ParseError("= value"), "Expecting key before '='");
  EXPECT_EQ(ParseError("{"), "Expecting section type before '{'");
  EXPECT_EQ(ParseError("a = \"open"), "Missing closing \"");
  EXPECT_EQ(ParseError("a = 'open"), "Missing closing '");
  EXPECT_EQ(ParseError("a = \"x\" y"), "Garbage after quoted value");
  EXPECT_EQ(ParseError("a = <"), "Expecting file name after '<'");
  EXPECT_EQ(ParseError("!include"), "Expecting file name after !include");
  EXPECT_EQ(ParseError("!exclude x"), "Unknown directive '!exclude'");
}

}  // namespace
}  // namespace config::internal
