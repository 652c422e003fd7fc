// The broken-script table: each script with the exact "line:col: severity: message" lines the
// compiler must report (every error, not only the first; the closing "parse failed" /
// "validation failed" line as Pigeonhole prints it).
#include <gtest/gtest.h>

#include "sieve-lang/sieve.h"

namespace sieve {
namespace {

struct Broken {
  const char* script;
  const char* expected;  // diagnostics joined with '\n'
};

const Broken kBroken[] = {
    // --- validation: names and require
    {"frobnicate;",
     "1:1: error: unknown command 'frobnicate' (only reported once at first occurrence)\n"
     "0:0: error: validation failed"},
    {"frob; frob;\nfrob;",
     "1:1: error: unknown command 'frob' (only reported once at first occurrence)\n"
     "0:0: error: validation failed"},
    {"fileinto \"x\";",
     "1:1: error: unknown command 'fileinto' (only reported once at first occurrence); it "
     "needs 'require \"fileinto\";'\n"
     "0:0: error: validation failed"},
    {"if frobtest { keep; }",
     "1:4: error: unknown test 'frobtest' (only reported once at first occurrence)\n"
     "0:0: error: validation failed"},
    {"require \"nosuch\";",
     "1:1: error: require command: unknown Sieve capability `nosuch'\n"
     "0:0: error: validation failed"},
    {"require [\"fileinto\", \"vnd.dovecot.execute\"];",
     "1:1: error: require command: unsupported extension 'vnd.dovecot.execute' (a known Sieve "
     "capability, "
     "but not available on this server)\n"
     "0:0: error: validation failed"},
    {"keep;\nrequire \"fileinto\";",
     "2:1: error: require commands can only be placed at top level at the beginning of the "
     "file\n"
     "0:0: error: validation failed"},
    {"if true {\n  require \"fileinto\";\n}",
     "2:3: error: require commands can only be placed at top level at the beginning of the "
     "file\n"
     "0:0: error: validation failed"},
    {"require 1;",
     "1:9: error: the require command expects a string list as argument 1 (capabilities), but "
     "a number was found\n"
     "0:0: error: validation failed"},
    // --- arguments
    {"redirect;",
     "1:1: error: the redirect command requires 1 positional argument(s), but 0 is/are specified\n"
     "0:0: error: validation failed"},
    {"keep \"INBOX\";",
     "1:6: error: the keep command requires 0 positional argument(s), but 1 is/are specified\n"
     "0:0: error: validation failed"},
    {"redirect [\"a@b.c\", \"d@e.f\"];",
     "1:10: error: the redirect command expects a string as argument 1 (address), but a string "
     "list was found\n"
     "0:0: error: validation failed"},
    {"redirect \"not an address\";",
     "1:1: error: specified redirect address 'not an address' is invalid\n"
     "0:0: error: validation failed"},
    {"if size 100 { keep; }",
     "1:4: error: the size test requires either the :under or the :over tag\n"
     "0:0: error: validation failed"},
    {"if size :over :under 1 { keep; }",
     "1:15: error: the :under tag cannot be combined with :over in the size test\n"
     "0:0: error: validation failed"},
    {"if size :over \"big\" { keep; }",
     "1:15: error: the size test expects a number as argument 1 (limit), but a string was "
     "found\n"
     "0:0: error: validation failed"},
    {"if header :frob \"a\" \"b\" { keep; }",
     "1:11: error: unknown tagged argument ':frob' for the header test (reported only once at "
     "first occurrence)\n"
     "0:0: error: validation failed"},
    {"if header :is :contains \"a\" \"b\" { keep; }",
     "1:15: error: encountered duplicate MATCH-TYPE argument (:contains) for the header test\n"
     "0:0: error: validation failed"},
    {"if header :comparator \"i;nope\" \"a\" \"b\" { keep; }",
     "1:4: error: unknown comparator 'i;nope'\n"
     "0:0: error: validation failed"},
    {"if header :comparator 5 \"a\" \"b\" { keep; }",
     "1:11: error: the :comparator tag for the header test requires a string as parameter "
     "(comparator), but a number was found\n"
     "0:0: error: validation failed"},
    {"if header :comparator \"i;ascii-numeric\" \"a\" \"b\" { keep; }",
     "1:4: error: unknown comparator 'i;ascii-numeric'\n"
     "0:0: error: validation failed"},
    {"require \"comparator-i;ascii-numeric\";\n"
     "if header :contains :comparator \"i;ascii-numeric\" \"a\" \"1\" { keep; }",
     "2:4: error: the i;ascii-numeric comparator does not support the :contains match type\n"
     "0:0: error: validation failed"},
    {"if header \"a\" :is \"b\" { keep; }",
     "1:15: error: the :is tag of the header test must come before its positional arguments "
     "(RFC 5228 §2.6.2)\n"
     "0:0: error: validation failed"},
    {"if address :domain :localpart \"from\" \"x\" { keep; }",
     "1:20: error: encountered duplicate ADDRESS-PART argument (:localpart) for the address test\n"
     "0:0: error: validation failed"},
    {"if address \"subject\" \"x\" { keep; }",
     "1:4: error: specified header 'subject' is not allowed for the address test (it does not "
     "contain addresses)\n"
     "0:0: error: validation failed"},
    {"require \"envelope\";\nif envelope \"date\" \"x\" { keep; }",
     "2:4: error: specified envelope part 'date' is not supported by the envelope test\n"
     "0:0: error: validation failed"},
    {"redirect :copy \"a@b.c\";",
     "1:10: error: unknown tagged argument ':copy' for the redirect command (reported only "
     "once at first occurrence)\n"
     "0:0: error: validation failed"},
    // --- structure
    {"if true;",
     "1:1: error: the if command requires a command block\n"
     "0:0: error: validation failed"},
    {"keep { }",
     "1:1: error: the keep command does not accept a command block\n"
     "0:0: error: validation failed"},
    {"if { keep; }",
     "1:1: error: the if command requires a single test\n"
     "0:0: error: validation failed"},
    {"if (true, false) { keep; }",
     "1:1: error: the if command requires a single test, but a test list was found\n"
     "0:0: error: validation failed"},
    {"if anyof true { keep; }",
     "1:4: error: the anyof test requires a test list\n"
     "0:0: error: validation failed"},
    {"keep true;",
     "1:6: error: the keep command does not accept a test\n"
     "0:0: error: validation failed"},
    {"else { keep; }",
     "1:1: error: the else command must follow an if or elsif command\n"
     "0:0: error: validation failed"},
    {"keep;\nelsif true { keep; }",
     "2:1: error: the elsif command must follow an if or elsif command\n"
     "0:0: error: validation failed"},
    {"if header :frob \"a\" \"b\" { keep; }\nelsif true { keep; }\nelse { stop; }",
     "1:11: error: unknown tagged argument ':frob' for the header test (reported only once at "
     "first occurrence)\n"
     "0:0: error: validation failed"},
    // --- encoded-character
    {"require [\"encoded-character\", \"fileinto\"];\nfileinto \"${unicode:D800}\";",
     "2:10: error: invalid unicode character 0x0000d800 in encoded character substitution\n"
     "0:0: error: validation failed"},
    {"require \"fileinto\";\nfileinto \"\";",
     "2:1: error: invalid folder name '' specified for fileinto command (must be non-empty "
     "UTF-8)\n"
     "0:0: error: validation failed"},
    // --- several errors in one script: all are reported
    {"frob;\nif header :is \"a\" { keep; }\nredirect 5;",
     "1:1: error: unknown command 'frob' (only reported once at first occurrence)\n"
     "2:4: error: the header test requires 2 positional argument(s), but 1 is/are specified\n"
     "3:10: error: the redirect command expects a string as argument 1 (address), but a "
     "number was found\n"
     "0:0: error: validation failed"},
};

std::string CompileErrors(std::string_view script) {
  Engine engine(BuiltinRegistry(), Options{});
  CompileOutput out = engine.Compile(script, "broken");
  std::string text;
  for (const Diagnostic& d : out.diagnostics) {
    if (!text.empty()) text += "\n";
    text += FormatShort(d);
  }
  if (out.program) text += "\n(compiled)";
  return text;
}

TEST(DiagnosticsTest, BrokenScripts) {
  for (const Broken& b : kBroken) {
    EXPECT_EQ(CompileErrors(b.script), b.expected) << "script: " << b.script;
  }
}

TEST(DiagnosticsTest, EncodedCharacterNeedsRequire) {
  // Without the extension the sequence is plain text (RFC 5228 §2.4.2.4).
  Engine engine(BuiltinRegistry(), Options{});
  CompileOutput out = engine.Compile("require \"fileinto\"; fileinto \"${hex:41}\";", "x");
  ASSERT_TRUE(out.program);
  EXPECT_NE(out.program->Disassemble().find("fileinto \"${hex:41}\""), std::string::npos);
}

}  // namespace
}  // namespace sieve
