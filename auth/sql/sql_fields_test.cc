#include <gtest/gtest.h>

#include "auth/sql/sql_fields_internal.h"

namespace auth::sql {
namespace {

SqlRows Rows(std::vector<std::string> columns,
             std::vector<std::vector<std::optional<std::string>>> rows) {
  return SqlRows{std::move(columns), std::move(rows)};
}

TEST(SqlFields, PassDbRowBecomesFieldsInColumnOrder) {
  auto r = PassDbResult(
      Rows({"user", "password", "userdb_home", "nologin", "proxy"},
           {{"Admin@example.com", "{PLAIN}x", "/var/spool/mail/example.com", std::nullopt, ""}}),
      "admin@example.com");
  ASSERT_EQ(r.status, LookupResult::Status::kFound);
  EXPECT_EQ(r.user, "Admin@example.com");
  Fields want = {
      {"password", "{PLAIN}x"}, {"userdb_home", "/var/spool/mail/example.com"}, {"proxy", ""}};
  EXPECT_EQ(r.fields, want);  // NULL nologin left out, empty proxy kept as a flag
}

TEST(SqlFields, SameUserNameIsNoRename) {
  auto r = PassDbResult(Rows({"user", "password"}, {{"a@b", "x"}}), "a@b");
  ASSERT_EQ(r.status, LookupResult::Status::kFound);
  EXPECT_EQ(r.user, "");
}

TEST(SqlFields, PassDbNoRowIsNotFound) {
  EXPECT_EQ(PassDbResult(Rows({"password"}, {}), "a").status, LookupResult::Status::kNotFound);
}

TEST(SqlFields, PassDbSeveralRowsIsAnInternalFailure) {
  auto r = PassDbResult(Rows({"password"}, {{"a"}, {"b"}}), "a");
  EXPECT_EQ(r.status, LookupResult::Status::kTempFail);
  EXPECT_EQ(r.error, "sql: password_query returned multiple matches");
}

TEST(SqlFields, PassDbNeedsAPasswordColumnEvenIfNull) {
  auto missing = PassDbResult(Rows({"user", "proxy"}, {{"a", "y"}}), "a");
  EXPECT_EQ(missing.status, LookupResult::Status::kTempFail);
  EXPECT_EQ(missing.error, "sql: password_query must return a field named 'password'");

  auto null = PassDbResult(Rows({"password", "nopassword"}, {{std::nullopt, "y"}}), "a");
  ASSERT_EQ(null.status, LookupResult::Status::kFound);
  EXPECT_EQ(null.fields, (Fields{{"nopassword", "y"}}));
  EXPECT_EQ(PassDbResult(Rows({"password_noscheme"}, {{"x"}}), "a").status,
            LookupResult::Status::kFound);
}

TEST(SqlFields, UserDbTakesTheFirstRow) {
  auto r =
      UserDbResult(Rows({"home", "uid", "gid", "mail", "quota"},
                        {{"/home/vmail/example.com", "8", "12", "maildir:~/Maildir", std::nullopt},
                         {"/other", "9", "9", "x", "y"}}),
                   "a@example.com");
  ASSERT_EQ(r.status, LookupResult::Status::kFound);
  Fields want = {{"home", "/home/vmail/example.com"},
                 {"uid", "8"},
                 {"gid", "12"},
                 {"mail", "maildir:~/Maildir"}};
  EXPECT_EQ(r.fields, want);
  EXPECT_EQ(UserDbResult(Rows({"home"}, {}), "a").status, LookupResult::Status::kNotFound);
}

}  // namespace
}  // namespace auth::sql
