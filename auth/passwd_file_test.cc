// Dovecot's passwd-file format.
#include "auth/passwd_file.h"

#include <gtest/gtest.h>

#include "auth/password_scheme.h"

namespace auth {
namespace {

constexpr char kFile[] =
    "# users of example.com\n"
    "jane@example.com:{SSHA256}antC5RLJFZ1g2KLbLz7RXQGjFC9mxlJKnTBwU3n4CSoDKhW7:5000:5000::"
    "/var/mail/example.com/jane::userdb_quota_rule=*:storage=1G allow_nets=127.0.0.0/8\n"
    "\n"
    "bob@example.com:{PLAIN}secret\n"
    "old:{PLAIN}x:1:1:Old User:/home/old:/bin/false:nologin\r\n";

TEST(PasswdFileTest, ParsesDovecotLines) {
  auto file = PasswdFile::Parse(kFile);
  ASSERT_TRUE(file) << file.error().message();
  EXPECT_EQ(file->size(), 3u);
  const PasswdEntry* jane = file->Find("jane@example.com");
  ASSERT_NE(jane, nullptr);
  EXPECT_EQ(jane->uid, "5000");
  EXPECT_EQ(jane->home, "/var/mail/example.com/jane");
  ASSERT_EQ(jane->extra.size(), 2u);
  EXPECT_EQ(jane->extra[0], (std::pair<std::string, std::string>{"userdb_quota_rule", "*:storage=1G"}));
  EXPECT_EQ(jane->extra[1].first, "allow_nets");
  EXPECT_TRUE(VerifyPassword(jane->password, "pässword 1").value());
  const PasswdEntry* bob = file->Find("bob@example.com");
  ASSERT_NE(bob, nullptr);
  EXPECT_EQ(bob->home, "");
  const PasswdEntry* old = file->Find("old");
  ASSERT_NE(old, nullptr);
  EXPECT_EQ(old->gecos, "Old User");
  EXPECT_EQ(old->shell, "/bin/false");
  EXPECT_EQ(old->extra.at(0), (std::pair<std::string, std::string>{"nologin", ""}));
  EXPECT_EQ(file->Find("nobody@example.com"), nullptr);
}

TEST(PasswdFileTest, AUserNameAloneIsAnEntryWithoutPassword) {
  // Dovecot's deny files (`passdb { deny = yes }`) list user names, one per line.
  auto file = PasswdFile::Parse("mallory@example.com\n");
  ASSERT_TRUE(file.has_value());
  ASSERT_NE(file->Find("mallory@example.com"), nullptr);
  EXPECT_EQ(file->Find("mallory@example.com")->password, "");
}

TEST(PasswdFileTest, BadLinesNameTheLine) {
  EXPECT_EQ(PasswdFile::Parse("ok:{PLAIN}x\n:nameless\n").error().message(),
            "passwd-file line 2: a line without a user name");
  EXPECT_EQ(PasswdFile::Parse("a:b:1:1::/h::=x\n").error().message(),
            "passwd-file line 1: an extra field without a name");
  EXPECT_EQ(PasswdFile::Load("/nonexistent/passwd").error().code(), base::Status::Code::kNotFound);
}

}  // namespace
}  // namespace auth
