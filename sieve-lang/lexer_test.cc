// Golden table for the lexer: each source maps to one line per token ("line:col kind value")
// followed by "! line:col: error: message" for each diagnostic.
#include "sieve-lang/lexer.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sieve-lang/quote_internal.h"

namespace sieve {
namespace {

std::string DumpTokens(std::string_view source, const Limits& limits = Limits()) {
  Diagnostics diagnostics;
  Lexer lexer(source, limits, &diagnostics);
  std::string out;
  for (int guard = 0; guard < 10000; ++guard) {
    const Token t = lexer.Next();
    out += std::to_string(t.location.line) + ":" + std::to_string(t.location.column) + " " +
           TokenKindName(t.kind);
    switch (t.kind) {
      case Token::Kind::kIdentifier:
      case Token::Kind::kTag:
        out += " " + t.text;
        break;
      case Token::Kind::kNumber:
        out += " " + std::to_string(t.number);
        break;
      case Token::Kind::kString:
        out += " ";
        internal::AppendQuoted(t.text, std::string::npos, &out);
        break;
      default:
        break;
    }
    out += "\n";
    if (t.kind == Token::Kind::kEnd) break;
  }
  for (const Diagnostic& d : diagnostics) out += "! " + FormatShort(d) + "\n";
  return out;
}

struct LexCase {
  const char* source;
  const char* expected;
};

const LexCase kCases[] = {
    {"", "1:1 end of script\n"},
    {"  \t\r\n ", "2:2 end of script\n"},
    // Identifiers are lowercased; '_' and digits are allowed after the first character.
    {"require FileInto _x9",
     "1:1 identifier require\n1:9 identifier fileinto\n1:18 identifier _x9\n"
     "1:21 end of script\n"},
    {":IS :over :_a1", "1:1 tag is\n1:5 tag over\n1:11 tag _a1\n1:15 end of script\n"},
    // Punctuation.
    {"[](){},;",
     "1:1 '['\n1:2 ']'\n1:3 '('\n1:4 ')'\n1:5 '{'\n1:6 '}'\n1:7 ','\n1:8 ';'\n"
     "1:9 end of script\n"},
    // Numbers and K/M/G quantifiers (RFC 5228 §2.4.1), case-insensitive.
    {"0 42 1K 2k 3M 1G 4g",
     "1:1 number 0\n1:3 number 42\n1:6 number 1024\n1:9 number 2048\n1:12 number 3145728\n"
     "1:15 number 1073741824\n1:18 number 4294967296\n1:20 end of script\n"},
    {"18446744073709551615", "1:1 number 18446744073709551615\n1:21 end of script\n"},
    {"18446744073709551616 x",
     "1:1 invalid token\n1:22 identifier x\n1:23 end of script\n"
     "! 1:1: error: number too large\n"},
    {"17179869184G", "1:1 invalid token\n1:13 end of script\n! 1:1: error: number too large\n"},
    {"10KB", "1:1 number 10240\n1:4 identifier b\n1:5 end of script\n"},
    // Quoted strings: only \" and \\ are escapes; "\a" is "a" (RFC 5228 §2.4.2).
    {"\"x\r\ny\" z", "1:1 string \"x\\r\\ny\"\n2:4 identifier z\n2:5 end of script\n"},
    {"\"x\ny\" z", "1:1 string \"x\\ny\"\n2:4 identifier z\n2:5 end of script\n"},
    {"\"\xC3\xA9t\xC3\xA9\"", "1:1 string \"\xC3\xA9t\xC3\xA9\"\n1:8 end of script\n"},
    // Comments of both kinds are whitespace (RFC 5228 §2.3).
    {"a # comment ; \"x\r\nb", "1:1 identifier a\n2:1 identifier b\n2:2 end of script\n"},
    {"a # comment at end", "1:1 identifier a\n1:19 end of script\n"},
    {"a /* x\n * y ** */b /**/c",
     "1:1 identifier a\n2:11 identifier b\n2:17 identifier c\n2:18 end of script\n"},
    {"a/*/ */b", "1:1 identifier a\n1:8 identifier b\n1:9 end of script\n"},
    // Multi-line strings: dot-unstuffing, comment after "text:", line ends become CRLF.
    {"text:\r\nhello\r\n..dot\r\n.x\r\n.\r\nkeep",
     "1:1 string \"hello\\r\\n.dot\\r\\n.x\\r\\n\"\n6:1 identifier keep\n6:5 end of script\n"},
    {"TEXT: \t# why not\nline1\nline2\r\n.\n;",
     "1:1 string \"line1\\r\\nline2\\r\\n\"\n5:1 ';'\n5:2 end of script\n"},
    {"x text:\n.\n", "1:1 identifier x\n1:3 string \"\"\n3:1 end of script\n"},
    {"text:\n\n.", "1:1 string \"\\r\\n\"\n3:2 end of script\n"},
    {"text:\n \"q\" # not a comment\n.\n",
     "1:1 string \" \\\"q\\\" # not a comment\\r\\n\"\n4:1 end of script\n"},
    {"text :",
     "1:1 identifier text\n1:6 invalid token\n1:7 end of script\n"
     "! 1:6: error: expected a tag name after ':'\n"},
    // Tags may follow identifiers directly; "text" as a tag is just a tag.
    {"header:is :text", "1:1 identifier header\n1:7 tag is\n1:11 tag text\n1:16 end of script\n"},
    // Lexical errors; the lexer skips past each and carries on.
    {"a @ b",
     "1:1 identifier a\n1:3 invalid token\n1:5 identifier b\n1:6 end of script\n"
     "! 1:3: error: unexpected character '@'\n"},
    {"\x01;",
     "1:1 invalid token\n1:2 ';'\n1:3 end of script\n"
     "! 1:1: error: unexpected character 0x01\n"},
    {"\xC3\xA9;",
     "1:1 invalid token\n1:3 ';'\n1:4 end of script\n"
     "! 1:1: error: unexpected character 0xC3\n"},
    {"a / b",
     "1:1 identifier a\n1:3 invalid token\n1:5 identifier b\n1:6 end of script\n"
     "! 1:3: error: unexpected character '/'\n"},
    {"keep;\n  \"abc\ndef",
     "1:1 identifier keep\n1:5 ';'\n2:3 invalid token\n3:4 end of script\n"
     "! 3:4: error: end of file before end of quoted string started at line 2\n"},
    {"\"abc\\\"", "1:1 invalid token\n1:7 end of script\n"
     "! 1:7: error: end of file before end of quoted string started at line 1\n"},
    {"a /* never closed\n",
     "1:1 identifier a\n1:3 invalid token\n2:1 end of script\n"
     "! 1:3: error: unterminated comment\n"},
    {"text:\nabc\n",
     "1:1 invalid token\n3:1 end of script\n"
     "! 1:1: error: unterminated multi-line string\n"},
    {"text:",
     "1:1 invalid token\n1:6 end of script\n"
     "! 1:1: error: unterminated multi-line string\n"},
    {"text: x\nabc\n.\nstop",
     "1:1 invalid token\n4:1 identifier stop\n4:5 end of script\n"
     "! 1:7: error: unexpected character 'x' after 'text:'; expected end of line\n"},
    {": x",
     "1:1 invalid token\n1:3 identifier x\n1:4 end of script\n"
     "! 1:1: error: expected a tag name after ':'\n"},
};

TEST(LexerTest, GoldenTable) {
  for (const LexCase& c : kCases) {
    EXPECT_EQ(DumpTokens(c.source), c.expected) << "source: " << c.source;
  }
}

TEST(LexerTest, Escapes) {
  EXPECT_EQ(DumpTokens(R"("a\"b\\c\d" "")"),
            "1:1 string \"a\\\"b\\\\cd\"\n1:13 string \"\"\n1:15 end of script\n");
}

TEST(LexerTest, NulInString) {
  const std::string source("\"a\0b\" c", 7);
  EXPECT_EQ(DumpTokens(source),
            "1:1 invalid token\n1:7 identifier c\n1:8 end of script\n"
            "! 1:1: error: NUL character not allowed in string\n");
  const std::string text("text:\na\0\n.\nc", 12);
  EXPECT_EQ(DumpTokens(text),
            "1:1 invalid token\n4:1 identifier c\n4:2 end of script\n"
            "! 1:1: error: NUL character not allowed in string\n");
}

TEST(LexerTest, StringTooLong) {
  Limits limits;
  limits.max_string_length = 3;
  EXPECT_EQ(DumpTokens("\"abc\" \"abcd\" x", limits),
            "1:1 string \"abc\"\n1:7 invalid token\n1:14 identifier x\n1:15 end of script\n"
            "! 1:7: error: string too long\n");
  limits.max_string_length = 5;  // "ab\r\n" fits, "ab\r\ncd\r\n" does not
  EXPECT_EQ(DumpTokens("text:\nab\n.\ntext:\nab\ncd\n.\nx", limits),
            "1:1 string \"ab\\r\\n\"\n4:1 invalid token\n8:1 identifier x\n8:2 end of script\n"
            "! 4:1: error: string too long\n");
}

TEST(LexerTest, EndIsSticky) {
  Diagnostics diagnostics;
  Limits limits;
  Lexer lexer("x", limits, &diagnostics);
  EXPECT_EQ(lexer.Next().kind, Token::Kind::kIdentifier);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(lexer.Next().kind, Token::Kind::kEnd);
}

TEST(LexerTest, LargeInputIsLinear) {
  // 200k short tokens and one 1 MB string; quadratic behaviour would time out here.
  std::string source;
  for (int i = 0; i < 50000; ++i) source += "if a {x;}\n";
  source += "\"" + std::string(1000000, 'y') + "\"";
  Diagnostics diagnostics;
  Limits limits;
  Lexer lexer(source, limits, &diagnostics);
  size_t count = 0;
  while (lexer.Next().kind != Token::Kind::kEnd) ++count;
  EXPECT_EQ(count, 50000u * 6 + 1);
  EXPECT_TRUE(diagnostics.empty());
}

}  // namespace
}  // namespace sieve
