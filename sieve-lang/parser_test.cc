// Golden tables for the parser: valid scripts against Dump(), broken scripts against the
// exact "line:col: error: message" lines, plus nesting, error-limit and fuzz robustness.
#include "sieve-lang/parser.h"

#include <random>
#include <string>

#include <gtest/gtest.h>

namespace sieve {
namespace {

struct Case {
  const char* source;
  const char* expected;
};

std::string Diags(const ParseOutput& out) {
  std::string s;
  for (const Diagnostic& d : out.diagnostics) s += FormatShort(d) + "\n";
  return s;
}

const Case kValid[] = {
    {"", ""},
    {"# only a comment\n/* and another */\n", ""},
    {"keep;", "keep @1:1\n"},
    {"require \"fileinto\";", "require @1:1 \"fileinto\"\n"},
    {"require [\"fileinto\", \"reject\"];", "require @1:1 [\"fileinto\",\"reject\"]\n"},
    {"require [\"x\"];", "require @1:1 [\"x\"]\n"},
    {"if true { keep; }", "if @1:1\n  test true @1:4\n  block\n    keep @1:11\n"},
    {"if header :is \"subject\" [\"a\",\"b\"] { discard; }",
     "if @1:1\n  test header @1:4 tag:is \"subject\" [\"a\",\"b\"]\n  block\n    discard @1:37\n"},
    {"if size :over 100K {\n  discard;\n} elsif address :all :is \"from\" \"a@b\" {\n"
     "  fileinto \"x\";\n} else {\n  keep;\n}\n",
     "if @1:1\n  test size @1:4 tag:over 102400\n  block\n    discard @2:3\n"
     "elsif @3:3\n  test address @3:9 tag:all tag:is \"from\" \"a@b\"\n  block\n"
     "    fileinto @4:3 \"x\"\n"
     "else @5:3\n  block\n    keep @6:3\n"},
    {"if anyof (not exists \"x\", header :contains \"s\" \"y\") { stop; }",
     "if @1:1\n  test anyof @1:4 list\n    test not @1:11\n      test exists @1:15 \"x\"\n"
     "    test header @1:27 tag:contains \"s\" \"y\"\n  block\n    stop @1:55\n"},
    {"if false {}", "if @1:1\n  test false @1:4\n  block\n"},
    {"if allof(true) {}", "if @1:1\n  test allof @1:4 list\n    test true @1:10\n  block\n"},
    {"if/*a*/true/*b*/{/*c*/keep/*d*/;/*e*/}# f",
     "if @1:1\n  test true @1:8\n  block\n    keep @1:23\n"},
    {"reject text:\r\nline\r\n..dot\r\n.\r\n;", "reject @1:1 \"line\\r\\n.dot\\r\\n\"\n"},
    {"reject text: # why\nx\n.\n;", "reject @1:1 \"x\\r\\n\"\n"},
    {"IF TRUE { KEEP; }", "if @1:1\n  test true @1:4\n  block\n    keep @1:11\n"},
    {"vacation :days 7 :subject \"hi\" \"body\";",
     "vacation @1:1 tag:days 7 tag:subject \"hi\" \"body\"\n"},
    {"keep;\r\nstop;\r\n", "keep @1:1\nstop @2:1\n"},
    {"if true { if false { if true { stop; } } }",
     "if @1:1\n  test true @1:4\n  block\n    if @1:11\n      test false @1:14\n      block\n"
     "        if @1:22\n          test true @1:25\n          block\n            stop @1:32\n"},
    {"foo true;", "foo @1:1\n  test true @1:5\n"},
    {"if not not true {}",
     "if @1:1\n  test not @1:4\n    test not @1:8\n      test true @1:12\n  block\n"},
    {"if anyof(allof(true, false), not anyof(false)) {}",
     "if @1:1\n  test anyof @1:4 list\n    test allof @1:10 list\n      test true @1:16\n"
     "      test false @1:22\n    test not @1:30\n      test anyof @1:34 list\n"
     "        test false @1:40\n  block\n"},
    {R"(fileinto "a\"b\\c\d";)", "fileinto @1:1 \"a\\\"b\\\\cd\"\n"},
    {"set \"x\" \"tab\there\";", "set @1:1 \"x\" \"tab\\there\"\n"},
    {"keep \"\";", "keep @1:1 \"\"\n"},
    {"x 0 1k 2M 3g;", "x @1:1 0 1024 2097152 3221225472\n"},
    {"a [ \"x\" , # c\n \"y\" /* d */ ];", "a @1:1 [\"x\",\"y\"]\n"},
    {"foo { bar; }", "foo @1:1\n  block\n    bar @1:7\n"},
    {"require [\"envelope\"];\nif envelope :domain :is \"from\" \"example.com\" {\n"
     "  redirect \"a@b.c\";\n}\n",
     "require @1:1 [\"envelope\"]\nif @2:1\n  test envelope @2:4 tag:domain tag:is \"from\" "
     "\"example.com\"\n  block\n    redirect @3:3 \"a@b.c\"\n"},
    // Grammar only: "stop" after arguments is a test of "keep"; the validator rejects it.
    {"keep stop;", "keep @1:1\n  test stop @1:6\n"},
};

TEST(ParserTest, ValidScriptsDump) {
  Limits limits;
  for (const Case& c : kValid) {
    const ParseOutput out = Parse(c.source, limits);
    EXPECT_TRUE(out.ok) << "source: " << c.source << "\n" << Diags(out);
    EXPECT_EQ(Dump(out.script), c.expected) << "source: " << c.source;
  }
}

const Case kBroken[] = {
    {"keep", "1:5: error: expected end of command ';' or the beginning of a compound block '{', but found end of file\n"},
    {"keep \"a\" ]", "1:10: error: expected end of command ';' or the beginning of a compound block '{', but found ']'\n"},
    {"if true { keep }", "1:16: error: expected end of command ';' or the beginning of a compound block '{', but found '}'\n"},
    {"if true { stop;",
     "1:16: error: expected end of compound block '}' (opened at line 1), but found end of file\n"},
    {"}", "1:1: error: expected a command, but found '}'\n"},
    {"\"x\";", "1:1: error: expected a command, but found string \"x\"\n"},
    {"if anyof(true,) {}", "1:15: error: expected a test, but found ')'\n"},
    {"if anyof(true; false) { keep; }", "1:14: error: expected ',' or ')', but found ';'\n"},
    {"if anyof() {}", "1:10: error: expected a test, but found ')'\n"},
    {"require [];", "1:10: error: expected a string, but found ']'\n"},
    {"require [\"a\" \"b\"];", "1:14: error: expected ',' or ']', but found string \"b\"\n"},
    {"require [\"a\",];", "1:14: error: expected a string, but found ']'\n"},
    {"require [\"a\"", "1:13: error: expected ',' or ']', but found end of file\n"},
    {"keep \"a\" ]; stop \"x\" ); discard;",
     "1:10: error: expected end of command ';' or the beginning of a compound block '{', but found ']'\n"
     "1:22: error: expected end of command ';' or the beginning of a compound block '{', but found ')'\n"},
    {"if true {\n  keep\n}\nstop",
     "3:1: error: expected end of command ';' or the beginning of a compound block '{', but found '}'\n"
     "4:5: error: expected end of command ';' or the beginning of a compound block '{', but found end of file\n"},
    {"keep @; stop;", "1:6: error: unexpected character '@'\n"},
    {"fileinto \"INBOX;\nkeep;", "2:6: error: end of file before end of quoted string started at line 1\n"},
    {"if true { /* x", "1:11: error: unterminated comment\n"},
    {"if true {\n  if false {\n    keep;\n  }\n",
     "5:1: error: expected end of compound block '}' (opened at line 1), but found end of file\n"},
    {"if true { keep; } }", "1:19: error: expected a command, but found '}'\n"},
    {"{ keep; } stop;", "1:1: error: expected a command, but found '{'\n"},
    {":is \"x\";", "1:1: error: expected a command, but found tag ':is'\n"},
    {"5;", "1:1: error: expected a command, but found number\n"},
    {"keep, stop;", "1:5: error: expected end of command ';' or the beginning of a compound block '{', but found ','\n"},
    {"\"abcdefghijklmnopqrstuvwxyz\";",
     "1:1: error: expected a command, but found string \"abcdefghijklmnopqrst\"...\n"},
    {"a ]; b ); c ,;",
     "1:3: error: expected end of command ';' or the beginning of a compound block '{', but found ']'\n"
     "1:8: error: expected end of command ';' or the beginning of a compound block '{', but found ')'\n"
     "1:13: error: expected end of command ';' or the beginning of a compound block '{', but found ','\n"},
    {"require [\"a\" keep]; stop;",
     "1:14: error: expected ',' or ']', but found identifier 'keep'\n"},
    {"if anyof(true, (false)) {}", "1:16: error: expected a test, but found '('\n"},
    {"if size :over 99999999999999999999 {}", "1:15: error: number too large\n"},
    {"reject text:\nfoo\n", "1:8: error: unterminated multi-line string\n"},
    {"if header : \"x\" {}", "1:11: error: expected a tag name after ':'\n"},
    {"if true {\n  keep \"a\" \"b\" ]\n}\nif false {\n  stop )\n}\n",
     "2:16: error: expected end of command ';' or the beginning of a compound block '{', but found ']'\n"
     "5:8: error: expected end of command ';' or the beginning of a compound block '{', but found ')'\n"},
    {"if anyof(true, false { keep; }\nstop;", "1:22: error: expected ',' or ')', but found '{'\n"},
    {"keep ~;\nstop )\n;discard",
     "1:6: error: unexpected character '~'\n"
     "2:6: error: expected end of command ';' or the beginning of a compound block '{', but found ')'\n"
     "3:9: error: expected end of command ';' or the beginning of a compound block '{', but found end of file\n"},
};

TEST(ParserTest, BrokenScriptsDiagnostics) {
  Limits limits;
  for (const Case& c : kBroken) {
    const ParseOutput out = Parse(c.source, limits);
    EXPECT_FALSE(out.ok) << "source: " << c.source;
    EXPECT_EQ(Diags(out), c.expected) << "source: " << c.source;
  }
}

TEST(ParserTest, RecoveryKeepsTheRestOfTheScript) {
  const ParseOutput out = Parse("keep \"a\" ]; stop;\nif true { x ) } discard;", Limits());
  EXPECT_FALSE(out.ok);
  EXPECT_EQ(Dump(out.script),
            "keep @1:1 \"a\"\nstop @1:13\nif @2:1\n  test true @2:4\n  block\n"
            "    x @2:11\ndiscard @2:17\n");
}

std::string Repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out.append(s);
  return out;
}

TEST(ParserTest, DeepBlocksStopAtTheLimit) {
  // The 33rd '{' is at column 9 * 33; everything after it is skipped without recursion.
  const ParseOutput out = Parse(Repeat("if true {", 100000), Limits());
  EXPECT_EQ(Diags(out),
            "1:297: error: nesting too deep (max 32 levels)\n"
            "1:900001: error: expected end of compound block '}' (opened at line 1), but found "
            "end of file\n");
}

TEST(ParserTest, DeepBalancedBlocksYieldOneError) {
  const ParseOutput out =
      Parse(Repeat("if true {", 100000) + Repeat("}", 100000) + "keep;", Limits());
  EXPECT_EQ(Diags(out), "1:297: error: nesting too deep (max 32 levels)\n");
  EXPECT_EQ(out.script.commands.size(), 2u);
}

TEST(ParserTest, NestingLimitIsExact) {
  Limits limits;
  limits.max_nesting_depth = 2;
  EXPECT_TRUE(Parse("if true { if true { keep; } }", limits).ok);
  EXPECT_TRUE(Parse("if not not true {}", limits).ok);
  EXPECT_EQ(Diags(Parse("if true { if true { if true {} } }", limits)),
            "1:29: error: nesting too deep (max 2 levels)\n");
  EXPECT_EQ(Diags(Parse("if not not not true {}", limits)),
            "1:16: error: nesting too deep (max 2 levels)\n");
  EXPECT_EQ(Diags(Parse("if anyof(anyof(anyof(true))) {} keep;", limits)),
            "1:21: error: nesting too deep (max 2 levels)\n");
}

TEST(ParserTest, DeepTestsStopAtTheLimit) {
  EXPECT_EQ(Diags(Parse("if " + Repeat("not ", 100000) + "true {}", Limits())),
            "1:136: error: nesting too deep (max 32 levels)\n");
  EXPECT_EQ(Diags(Parse("if " + Repeat("anyof(", 100000), Limits())),
            "1:201: error: nesting too deep (max 32 levels)\n");
  EXPECT_EQ(Diags(Parse("if " + Repeat("(", 100000), Limits())),
            "1:5: error: expected a test, but found '('\n");
  EXPECT_EQ(Diags(Parse("x " + Repeat("[", 100000), Limits())),
            "1:4: error: expected a string, but found '['\n");
}

TEST(ParserTest, StopsAfterMaxCompileErrors) {
  Limits limits;
  const ParseOutput out = Parse(Repeat("a ];\n", 500), limits);
  EXPECT_EQ(out.diagnostics.size(), limits.max_compile_errors);
  limits.max_compile_errors = 3;
  EXPECT_EQ(Parse(Repeat("@", 500), limits).diagnostics.size(), 3u);
}

TEST(ParserTest, StringListItemLimit) {
  Limits limits;
  limits.max_string_list_items = 2;
  EXPECT_TRUE(Parse("x [\"a\", \"b\"];", limits).ok);
  EXPECT_EQ(Diags(Parse("x [\"a\", \"b\", \"c\"]; y;", limits)),
            "1:14: error: too many strings in string list (max 2)\n");
}

TEST(ParserTest, RandomBytesNeverCrash) {
  // Deterministic: a fixed seed, and an alphabet biased towards Sieve syntax so that the
  // parser (not just the lexer) sees deep and broken structure.
  static constexpr std::string_view kPieces[] = {"if",    " ",
                                                 "{",     "}",
                                                 "(",     ")",
                                                 "[",     "]",
                                                 ",",     ";",
                                                 "\"",    "\\",
                                                 ":is",   "text:",
                                                 "\n",    ".",
                                                 "\r\n",  "#",
                                                 "/*",    "*/",
                                                 "1K",    "99999999999999999999G",
                                                 "anyof", "not",
                                                 "\x00",  "\xff",
                                                 "@",     "keep",
                                                 "..",    "\"x\""};
  std::mt19937 rng(20240527);
  Limits limits;
  for (int round = 0; round < 3000; ++round) {
    std::string source;
    const size_t pieces = rng() % 200;
    for (size_t i = 0; i < pieces; ++i) {
      if (rng() % 4 == 0) {
        source.push_back(static_cast<char>(rng() & 0xff));
      } else {
        const std::string_view p = kPieces[rng() % std::size(kPieces)];
        source.append(p.empty() ? std::string_view("\0", 1) : p);
      }
    }
    const ParseOutput out = Parse(source, limits);
    ASSERT_LE(out.diagnostics.size(), limits.max_compile_errors);
    ASSERT_EQ(out.ok, out.diagnostics.empty());
    for (const Diagnostic& d : out.diagnostics) {
      ASSERT_GE(d.location.line, 1);
      ASSERT_GE(d.location.column, 1);
    }
    (void)Dump(out.script);  // only checking it does not crash on partial trees
  }
}

TEST(ParserTest, LargeScriptParses) {
  std::string source = "require [\"fileinto\"];\n";
  for (int i = 0; i < 20000; ++i) {
    source += "if header :contains \"subject\" \"s" + std::to_string(i) +
              "\" { fileinto \"f\"; stop; }\n";
  }
  const ParseOutput out = Parse(source, Limits());
  ASSERT_TRUE(out.ok);
  EXPECT_EQ(out.script.commands.size(), 20001u);
  EXPECT_EQ(out.script.commands.back().location.line, 20001);
}

}  // namespace
}  // namespace sieve
