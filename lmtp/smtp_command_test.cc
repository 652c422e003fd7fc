#include "lmtp/smtp_command.h"

#include <gtest/gtest.h>

namespace lmtp {
namespace {

TEST(SplitCommand, VerbIsUpperCasedArgsKept) {
  SmtpCommand c = SplitCommand("mail FROM:<a@b>");
  EXPECT_EQ(c.verb, "MAIL");
  EXPECT_EQ(c.args, "FROM:<a@b>");
  EXPECT_EQ(SplitCommand("QUIT").args, "");
}

TEST(ParsePathArgument, PathAndParameters) {
  auto p = ParsePathArgument("FROM:<a@b> SIZE=100 BODY=8BITMIME smtputf8", "FROM:");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->path, "<a@b>");
  EXPECT_EQ(p->params.at("SIZE"), "100");
  EXPECT_EQ(p->params.at("BODY"), "8BITMIME");
  EXPECT_TRUE(p->params.contains("SMTPUTF8"));
}

TEST(ParsePathArgument, ToleratesSpaceAfterColonAndQuotedBrackets) {
  auto p = ParsePathArgument("to: <\"a>b\"@c> ORCPT=rfc822;x+2By@z", "TO:");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->path, "<\"a>b\"@c>");
  EXPECT_EQ(p->params.at("ORCPT"), "rfc822;x+2By@z");
  EXPECT_EQ(ParsePathArgument("FROM:<>", "FROM:")->path, "<>");
}

TEST(ParsePathArgument, RejectsMalformed) {
  EXPECT_FALSE(ParsePathArgument("FROM <a@b>", "FROM:"));
  EXPECT_FALSE(ParsePathArgument("FROM:a@b", "FROM:"));
  EXPECT_FALSE(ParsePathArgument("FROM:<a@b", "FROM:"));
  EXPECT_FALSE(ParsePathArgument("FROM:<a@b>junk", "FROM:"));
  EXPECT_FALSE(ParsePathArgument("FROM:<a@b> =x", "FROM:"));
  EXPECT_FALSE(ParsePathArgument("FROM:<a@b> S_Z=1", "FROM:"));
}

TEST(DecodeXtext, HexEscapes) {
  EXPECT_EQ(DecodeXtext("x+2By@z"), "x+y@z");
  EXPECT_EQ(DecodeXtext("plain"), "plain");
  EXPECT_FALSE(DecodeXtext("bad+2"));
  EXPECT_FALSE(DecodeXtext("bad+zz"));
}

}  // namespace
}  // namespace lmtp
