// imap4flags (RFC 5232): flag commands, hasflag, and the flags stores carry.
#include <gtest/gtest.h>

#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

// The actions, each store with its flags in brackets.
std::string Flags(std::string_view body) {
  CompileOutput out = testing::AllExtensionsEngine().Compile(
      "require [\"imap4flags\", \"fileinto\", \"copy\", \"variables\", \"relational\", "
      "\"comparator-i;ascii-numeric\"];\n" +
          std::string(body),
      "test");
  if (!out.program) return "COMPILE ERROR: " + FormatShort(out.diagnostics.front());
  mail::Message message{std::string("Subject: x\r\n\r\n")};
  FakeHost host;
  ExecOutcome result = testing::AllExtensionsEngine().Execute(
      *out.program, {.message = &message, .envelope = {}, .host = &host});
  std::string text;
  for (const Action& a : result.actions) {
    text += std::string(a.name()) + " " + a.target + " [";
    if (a.flags) {
      for (const std::string& f : *a.flags) text += f + ",";
    }
    text += "] ";
  }
  if (result.implicit_keep && result.implicit_keep_flags) {
    text += "| implicit keep [";
    for (const std::string& f : *result.implicit_keep_flags) text += f + ",";
    text += "]";
  }
  return text;
}

TEST(Imap4flagsTest, InternalVariableFeedsStores) {
  EXPECT_EQ(Flags("setflag \"\\\\Seen A\"; addflag [\"B a\"]; fileinto \"X\";"),
            "store X [\\Seen,A,B,] ");
  EXPECT_EQ(Flags("setflag \"A B C\"; removeflag \"b\"; keep;"), "keep INBOX [A,C,] ");
  EXPECT_EQ(Flags("fileinto \"X\";"), "store X [] ");
}

TEST(Imap4flagsTest, FlagsTagOverridesTheInternalVariable) {
  EXPECT_EQ(Flags("setflag \"A\"; fileinto :flags \"Z  Z\" \"X\";"), "store X [Z,] ");
}

// RFC 5232 §5: stores merged by duplicate elimination keep the last flag list.
TEST(Imap4flagsTest, LastFlagListWinsWhenStoresMerge) {
  EXPECT_EQ(Flags("fileinto :flags \"A\" \"X\"; fileinto :flags \"B\" \"X\";"), "store X [B,] ");
  EXPECT_EQ(Flags("setflag \"I\"; keep :flags \"\\\\Seen\"; keep;"), "keep INBOX [I,] ");
}

// RFC 5232 §3: the implicit keep stores with the internal variable's final value.
TEST(Imap4flagsTest, ImplicitKeepCarriesTheInternalFlags) {
  EXPECT_EQ(Flags("addflag \"\\\\Seen\"; addflag \"Work\"; removeflag \"\\\\Seen\";"),
            "| implicit keep [Work,]");
  EXPECT_EQ(Flags("setflag \"A\"; fileinto :copy \"X\"; setflag \"B\";"),
            "store X [A,] | implicit keep [B,]");
  EXPECT_EQ(Flags("fileinto :copy \"X\";"), "store X [] ");  // no flags at all
}

TEST(Imap4flagsTest, HasflagOnVariablesAndKeys) {
  EXPECT_EQ(Flags("setflag \"A B\"; if hasflag :is \"b a\" { fileinto \"hit\"; }"),
            "store hit [A,B,] ");
  EXPECT_EQ(Flags("setflag \"v\" \"Junk NotJunk\"; if hasflag :contains \"v\" \"otJ\" "
                  "{ fileinto \"hit\"; }"),
            "store hit [] ");
  EXPECT_EQ(Flags("setflag \"A B C\"; if hasflag :count \"eq\" :comparator "
                  "\"i;ascii-numeric\" \"3\" { fileinto \"three\"; }"),
            "store three [A,B,C,] ");
  EXPECT_EQ(Flags("setflag \"\"; if hasflag \"\" { fileinto \"empty\"; }"), "");
}

}  // namespace
}  // namespace sieve
