// imapflags (deprecated draft, Pigeonhole's opt-in extension): flag commands on the internal
// variable, mark/unmark, and the flags keep and fileinto store with.
#include <gtest/gtest.h>

#include "sieve-lang/testing/script_runner.h"

namespace sieve {
namespace {

std::string Stores(const Engine& engine, std::string_view body) {
  CompileOutput out = engine.Compile("require [\"imapflags\", \"fileinto\"];\n" + std::string(body),
                                     "test");
  if (!out.program) return "COMPILE ERROR: " + FormatShort(out.diagnostics.front());
  mail::Message message{std::string("Subject: x\r\n\r\nbody\r\n")};
  FakeHost host;
  ExecOutcome result = engine.Execute(*out.program, {.message = &message, .host = &host});
  std::string text;
  for (const Action& a : result.actions) {
    text += a.target + " [";
    for (const std::string& f : a.flags.value_or(std::vector<std::string>{})) text += f + ",";
    text += "] ";
  }
  return text;
}

std::string Stores(std::string_view body) {
  return Stores(testing::AllExtensionsEngine(), body);
}

TEST(ImapflagsTest, CommandsEditTheFlagsStoresTake) {
  EXPECT_EQ(Stores("setflag \"\\\\Seen Work\"; fileinto \"A\"; removeflag \"Work\"; "
                   "addflag [\"x\", \"y\"]; keep;"),
            "A [\\Seen,Work,] INBOX [\\Seen,x,y,] ");
}

TEST(ImapflagsTest, MarkAndUnmarkToggleFlagged) {
  EXPECT_EQ(Stores("mark; fileinto \"A\"; unmark; fileinto \"B\";"), "A [\\Flagged,] B [] ");
}

TEST(ImapflagsTest, OnlyTheFlagListForm) {
  EXPECT_NE(Stores("setflag \"v\" \"x\";").find("requires 1 positional argument(s), but 2 is/are specified"),
            std::string::npos);
  EXPECT_NE(Stores("if hasflag \"x\" {}").find("unknown test 'hasflag'"), std::string::npos);
}

TEST(ImapflagsTest, CannotBeRequiredWithImap4flags) {
  EXPECT_NE(Stores("require \"imap4flags\";")
                .find("imapflags extension cannot be used together with the imap4flags"),
            std::string::npos);
}

TEST(ImapflagsTest, OffByDefaultAsInPigeonhole) {
  Engine engine(BuiltinRegistry(), Options{});
  EXPECT_NE(Stores(engine, "mark;").find("unsupported extension 'imapflags'"), std::string::npos);
  Options enabled;
  enabled.extensions = "+imapflags";
  EXPECT_EQ(Stores(Engine(BuiltinRegistry(), enabled), "mark; keep;"), "INBOX [\\Flagged,] ");
}

}  // namespace
}  // namespace sieve
