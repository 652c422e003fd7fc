#include <gtest/gtest.h>

#include "auth/sql/sql_settings_internal.h"
#include "config/config.h"

namespace auth::sql {
namespace {

base::Result<SqlSettings> Parse(std::string_view text) {
  auto config = config::ParseString(text, "dovecot-sql.conf.ext");
  if (!config) return base::Err(config.error());
  return ParseSqlSettings(*config, "dovecot-sql.conf.ext");
}

// The seed's file (a PostfixAdmin-style vmaildb), one setting per line.
constexpr std::string_view kSeed = R"(driver = mysql
connect = host=localhost dbname=vmaildb user=vmailuser password=redhat@123
user_query = SELECT CONCAT("/home/vmail/", domain) AS home, 8 AS uid, 12 AS gid, 'maildir:/var/spool/mail/%d/%n' AS mail, CONCAT("dirsize:storage=", quota) AS quota FROM mailbox WHERE username = '%u' AND active = '1'
password_query = SELECT username AS user, password, CONCAT("/var/spool/mail/", domain) AS userdb_home, 8 AS userdb_uid, 12 AS userdb_gid FROM mailbox WHERE username = '%u' AND active='1'
iterate_query = SELECT username AS user FROM mailbox WHERE active='1'
)";

TEST(SqlSettings, ReadsTheSeedFileWithItsQuotesIntact) {
  auto s = Parse(kSeed);
  ASSERT_TRUE(s) << s.error().ToString();
  EXPECT_EQ(s->connect.host, "localhost");
  EXPECT_EQ(s->connect.dbname, "vmaildb");
  EXPECT_EQ(s->connect.user, "vmailuser");
  EXPECT_EQ(s->connect.password, "redhat@123");
  EXPECT_EQ(s->connect.port, 0u);
  EXPECT_EQ(s->connect.connect_timeout, std::chrono::seconds(5));
  EXPECT_EQ(s->default_pass_scheme, "MD5");
  EXPECT_EQ(s->user_query.substr(0, 30), "SELECT CONCAT(\"/home/vmail/\", ");
  EXPECT_NE(s->password_query.find("WHERE username = '%u' AND active='1'"), std::string::npos);
  EXPECT_EQ(s->iterate_query, "SELECT username AS user FROM mailbox WHERE active='1'");
  EXPECT_EQ(s->connect.Where(), "localhost (default socket)");
}

TEST(SqlSettings, QueriesMayContinueOverLines) {
  auto s = Parse(
      "driver = mysql\nconnect = host=db\npassword_query = \\\n  SELECT password \\\n"
      "  FROM users WHERE userid = '%u'\ndefault_pass_scheme = SHA512-CRYPT\n");
  ASSERT_TRUE(s) << s.error().ToString();
  EXPECT_EQ(s->password_query.find("SELECT password"), 0u);
  EXPECT_NE(s->password_query.find("FROM users WHERE userid = '%u'"), std::string::npos);
  EXPECT_EQ(s->default_pass_scheme, "SHA512-CRYPT");
}

TEST(SqlSettings, ConnectStringKeys) {
  auto c = ParseConnectString(
      "host=127.0.0.1 port=3307 dbname=mail user=dovecot password=\"a b\\\"c\" "
      "connect_timeout=2 read_timeout=7 write_timeout=9");
  ASSERT_TRUE(c) << c.error().ToString();
  EXPECT_EQ(c->host, "127.0.0.1");
  EXPECT_EQ(c->port, 3307u);
  EXPECT_EQ(c->password, "a b\"c");
  EXPECT_EQ(c->connect_timeout, std::chrono::seconds(2));
  EXPECT_EQ(c->read_timeout, std::chrono::seconds(7));
  EXPECT_EQ(c->write_timeout, std::chrono::seconds(9));
  EXPECT_EQ(c->Where(), "127.0.0.1:3307");
}

TEST(SqlSettings, HostWithASlashIsTheSocket) {
  auto c = ParseConnectString("host=/run/mysqld/mysqld.sock dbname=mail");
  ASSERT_TRUE(c) << c.error().ToString();
  EXPECT_EQ(c->unix_socket, "/run/mysqld/mysqld.sock");
  EXPECT_EQ(c->host, "localhost");
  EXPECT_EQ(c->Where(), "/run/mysqld/mysqld.sock");
}

TEST(SqlSettings, BadConnectStringsNameTheWord) {
  for (auto [text, word] : {std::pair{"host=a sslmode=require", "sslmode"},
                            {"host=a port=http", "port=http"},
                            {"host=a port=70000", "port=70000"},
                            {"host=a dbname", "dbname"},
                            {"host=a password=\"open", "password="},
                            {"dbname=x", "no host"},
                            {"host=a host=b", "one host"}}) {
    auto c = ParseConnectString(text);
    ASSERT_FALSE(c) << text;
    EXPECT_NE(c.error().message().find(word), std::string::npos) << c.error().message();
  }
}

TEST(SqlSettings, ErrorsNameFileAndLine) {
  auto other = Parse("# comment\ndriver = pgsql\nconnect = host=db\n");
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().message(),
            "dovecot-sql.conf.ext:2: driver 'pgsql' is not supported (only mysql is)");

  auto connect = Parse("driver = mysql\nconnect = host=db sslmode=x\n");
  ASSERT_FALSE(connect);
  EXPECT_EQ(connect.error().message().rfind("dovecot-sql.conf.ext:2: connect: ", 0), 0u)
      << connect.error().message();

  auto typo = Parse("driver = mysql\nconnect = host=db\npasword_query = SELECT 1\n");
  ASSERT_FALSE(typo);
  EXPECT_EQ(typo.error().message(), "dovecot-sql.conf.ext:3: unknown setting 'pasword_query'");

  auto no_driver = Parse("connect = host=db\n");
  ASSERT_FALSE(no_driver);
  EXPECT_EQ(no_driver.error().message(), "dovecot-sql.conf.ext: driver is not set");
}

TEST(SqlSettings, MissingFileIsAnError) {
  auto s = LoadSqlSettings("/nonexistent/dovecot-sql.conf.ext");
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message().find("/nonexistent/dovecot-sql.conf.ext"), std::string::npos);
}

}  // namespace
}  // namespace auth::sql
