// Dovecot 2.3 %variables.
#include "config/var_expand.h"

#include <gtest/gtest.h>

namespace config {
namespace {

std::string Expand(std::string_view text) {
  VarValues vars;
  SetUser(vars, "John.Doe@Example.COM");
  vars.values["home"] = "/var/mail/example.com/john";
  vars.values["service"] = "imap";
  vars.values["pid"] = "255";
  auto out = ExpandVariables(text, vars);
  return out ? *out : "ERROR " + out.error().message();
}

TEST(VarExpandTest, ShortAndLongForms) {
  EXPECT_EQ(Expand("maildir:/var/spool/mail/%d/%n"), "maildir:/var/spool/mail/Example.COM/John.Doe");
  EXPECT_EQ(Expand("%u %{user} %{username} %{domain} %h %s 100%%"),
            "John.Doe@Example.COM John.Doe@Example.COM John.Doe Example.COM "
            "/var/mail/example.com/john imap 100%");
}

TEST(VarExpandTest, ModifiersAndSubstrings) {
  EXPECT_EQ(Expand("%Lu"), "john.doe@example.com");
  EXPECT_EQ(Expand("%Ld/%Ln"), "example.com/john.doe");
  EXPECT_EQ(Expand("%Ud"), "EXAMPLE.COM");
  EXPECT_EQ(Expand("%1n"), "J");
  EXPECT_EQ(Expand("%1Ln/%2.1Ln"), "j/h");
  EXPECT_EQ(Expand("%-3.3d"), "COM");       // negative offset: from the end
  EXPECT_EQ(Expand("%0.-4d"), "Example");    // negative width: all but the last four
  EXPECT_EQ(Expand("%05{pid}"), "00255");   // leading zero: pad, do not cut
  EXPECT_EQ(Expand("%-2.2{pid}"), "55");
  EXPECT_EQ(Expand("%2Mu"), "19");  // first two hex digits of MD5("John.Doe@Example.COM")
  EXPECT_EQ(Expand("%Mu").size(), 32u);
  EXPECT_EQ(Expand("%Rn"), "eoD.nhoJ");
  EXPECT_EQ(Expand("%X{pid}"), "ff");
  EXPECT_EQ(Expand("%L{user}"), "john.doe@example.com");
  // Values Dovecot 2.3's var_expand gives for user@example.com (checked with libdovecot).
  VarValues vars;
  SetUser(vars, "user@example.com");
  EXPECT_EQ(ExpandVariables("%Hu", vars).value(), "14d67dd");
  EXPECT_EQ(ExpandVariables("%256Hu", vars).value(), "dd");
}

TEST(VarExpandTest, MistakesAreNamed) {
  EXPECT_EQ(Expand("%q"), "ERROR an unknown variable in '%q' of '%q'");
  EXPECT_EQ(Expand("x%"), "ERROR a '%' at the end in '%' of 'x%'");
  EXPECT_EQ(Expand("%{nope}"), "ERROR an unknown variable in '%{nope}' of '%{nope}'");
  EXPECT_EQ(Expand("%{user"), "ERROR an unclosed '{' in '%{' of '%{user'");
}

}  // namespace
}  // namespace config
