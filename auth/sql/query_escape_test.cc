#include <gtest/gtest.h>

#include "auth/sql/query_escape_internal.h"

namespace auth::sql {
namespace {

// What mysql_real_escape_string does with backslash escapes on (the server default).
std::string MysqlLikeEscape(std::string_view value) {
  std::string out;
  for (char c : value) {
    switch (c) {
      case '\0':
        out += "\\0";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\x1a':
        out += "\\Z";
        break;
      case '\\':
      case '\'':
      case '"':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

config::VarValues Login(std::string_view user) {
  config::VarValues vars;
  config::SetUser(vars, user);
  vars.values["service"] = "imap";
  return vars;
}

base::Result<std::string> Expand(std::string_view query, std::string_view user) {
  return ExpandEscaped(query, Login(user), MysqlLikeEscape);
}

TEST(QueryEscape, EveryValueIsEscapedBeforeItIsSubstituted) {
  auto q =
      Expand("SELECT 1 FROM t WHERE username = '%u' AND domain = '%d'", "x' OR '1'='1@ex\"ample");
  ASSERT_TRUE(q) << q.error().ToString();
  EXPECT_EQ(*q,
            "SELECT 1 FROM t WHERE username = 'x\\' OR \\'1\\'=\\'1@ex\\\"ample' AND domain = "
            "'ex\\\"ample'");
}

TEST(QueryEscape, TheTemplateItselfIsNotEscaped) {
  auto q = Expand("SELECT CONCAT(\"/home/\", domain) FROM t WHERE u = '%n' -- %%", "a\\b");
  ASSERT_TRUE(q) << q.error().ToString();
  EXPECT_EQ(*q, "SELECT CONCAT(\"/home/\", domain) FROM t WHERE u = 'a\\\\b' -- %");
}

TEST(QueryEscape, ModifiersThatKeepEscapesWholeAreFine) {
  EXPECT_EQ(Expand("'%Lu'", "A'B").value(), "'a\\'b'");
  EXPECT_EQ(Expand("'%Uu'", "a'b").value(), "'A\\'B'");
  EXPECT_EQ(Expand("'%1u'", "ab'c").value(), "'a'");
  EXPECT_EQ(Expand("'%Mu'", "a'b").value().size(), 34u);
  // Nothing needed escaping, so nothing can be cut: widths and reversal work as usual.
  EXPECT_EQ(Expand("'%2.1n/%Rn/%Xn'", "12345").value(), "'3/54321/3039'");
}

TEST(QueryEscape, CuttingOrReversingAnEscapeIsRefused) {
  // "%3u" of "ab\'c" would end in a lone backslash that swallows the closing quote.
  for (std::string_view query : {"'%3u' AND d = '%d'", "'%-2.1n'", "'%Ru'", "'%1.2n'"}) {
    auto q = Expand(query, "ab'c@x OR 1=1 -- ");
    ASSERT_FALSE(q) << query << " gave " << *q;
    EXPECT_EQ(q.error().code(), base::Status::Code::kInvalidArgument);
    EXPECT_NE(q.error().message().find("would cut an escaped value"), std::string::npos);
  }
}

TEST(QueryEscape, UnknownVariablesAreNamed) {
  auto q = Expand("'%{nosuch}'", "a");
  ASSERT_FALSE(q);
  EXPECT_NE(q.error().message().find("nosuch"), std::string::npos) << q.error().message();
}

}  // namespace
}  // namespace auth::sql
