// The sql passdb/userdb against a real MariaDB holding the seed's vmaildb; run by
// tests/auth/sql_auth_test.sh, which starts the server and sets
//   ROOST_SQL_CONF       the seed's dovecot-sql.conf.ext pointed at the server
//   ROOST_SQL_PORT       its port (for the expected error message)
//   ROOST_MARIADB_STOP / ROOST_MARIADB_START   shell commands stopping and restarting it
// Without ROOST_SQL_CONF every test is skipped.
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <thread>

#include <gtest/gtest.h>

#include "auth/password_scheme.h"
#include "auth/sql/sql_db.h"
#include "base/strings.h"

namespace auth {
namespace {

using Clock = std::chrono::steady_clock;
using Status = LookupResult::Status;

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

class SqlIntegrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (Env("ROOST_SQL_CONF").empty()) GTEST_SKIP() << "ROOST_SQL_CONF not set";
    auto db = OpenSqlDatabase(Env("ROOST_SQL_CONF"));
    ASSERT_TRUE(db) << db.error().ToString();
    db_ = *db;
    passdb_ = NewSqlPassDb(db_);
    userdb_ = NewSqlUserDb(db_);
  }

  static AuthRequest Request(std::string user) {
    return AuthRequest{.user = std::move(user), .service = "imap", .remote_ip = "192.0.2.7"};
  }
  // Whether `password` logs `user` in: found, and the stored password verifies.
  bool LogsIn(const std::string& user, std::string_view password) {
    LookupResult found = passdb_->Lookup(Request(user));
    EXPECT_EQ(found.status, Status::kFound) << user << ": " << found.error;
    const std::string* stored = FindField(found.fields, "password");
    if (stored == nullptr) return false;
    auto ok = VerifyPassword(*stored, password, db_->default_pass_scheme());
    EXPECT_TRUE(ok) << user << ": " << ok.error().ToString();
    return ok && *ok;
  }
  static void Shell(const std::string& variable) {
    std::string command = Env(variable.c_str());
    ASSERT_FALSE(command.empty()) << variable << " not set";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
  }

  std::shared_ptr<SqlDatabase> db_;
  std::unique_ptr<PassDb> passdb_;
  std::unique_ptr<UserDb> userdb_;
};

TEST_F(SqlIntegrationTest, EverySchemeLogsInWithItsPasswordOnly) {
  for (std::string_view scheme :
       {"SHA512-CRYPT", "BLF-CRYPT", "SSHA256", "PBKDF2", "PLAIN", "MD5-CRYPT"}) {
    std::string local = scheme == "SHA512-CRYPT" ? "sha512"
                        : scheme == "BLF-CRYPT"  ? "blf"
                        : scheme == "MD5-CRYPT"  ? "md5crypt"
                                                 : base::AsciiToLower(scheme);
    std::string user = local + (scheme == "PLAIN" ? "@example.org" : "@example.com");
    EXPECT_TRUE(LogsIn(user, "pw-" + std::string(scheme))) << user;
    EXPECT_FALSE(LogsIn(user, "pw-wrong")) << user;
  }
  // No {SCHEME}: the file sets no default_pass_scheme, so Dovecot's MD5 (MD5-CRYPT) applies.
  EXPECT_EQ(db_->default_pass_scheme(), "MD5");
  EXPECT_TRUE(LogsIn("default@example.com", "pw-default"));
  EXPECT_FALSE(LogsIn("default@example.com", "pw-MD5-CRYPT"));
}

TEST_F(SqlIntegrationTest, PassDbGivesTheSeedsUserdbFields) {
  LookupResult r = passdb_->Lookup(Request("sha512@example.com"));
  ASSERT_EQ(r.status, Status::kFound) << r.error;
  EXPECT_EQ(r.user, "");
  Fields want = {{"password", *FindField(r.fields, "password")},
                 {"userdb_home", "/var/spool/mail/example.com"},
                 {"userdb_uid", "8"},
                 {"userdb_gid", "12"}};
  EXPECT_EQ(r.fields, want);
}

TEST_F(SqlIntegrationTest, UserDbGivesHomeMailUidGidQuota) {
  LookupResult r = userdb_->Lookup(Request("plain@example.org"), {});
  ASSERT_EQ(r.status, Status::kFound) << r.error;
  Fields want = {{"home", "/home/vmail/example.org"},
                 {"uid", "8"},
                 {"gid", "12"},
                 {"mail", "maildir:/var/spool/mail/example.org/plain"},
                 {"quota", "dirsize:storage=5242880"}};
  EXPECT_EQ(r.fields, want);
}

TEST_F(SqlIntegrationTest, InactiveAndUnknownUsersAreNotFound) {
  for (std::string user : {"inactive@example.com", "nobody@example.com", ""}) {
    EXPECT_EQ(passdb_->Lookup(Request(user)).status, Status::kNotFound) << user;
    EXPECT_EQ(userdb_->Lookup(Request(user), {}).status, Status::kNotFound) << user;
  }
}

TEST_F(SqlIntegrationTest, TheUserColumnGivesTheCanonicalName) {
  // The column's collation is case-insensitive, so the row is found; its name is canonical.
  LookupResult r = passdb_->Lookup(Request("ADMIN@Example.COM"));
  ASSERT_EQ(r.status, Status::kFound) << r.error;
  EXPECT_EQ(r.user, "admin@example.com");
}

TEST_F(SqlIntegrationTest, SqlInjectionInTheUserNameMatchesNothing) {
  // Unescaped, each of these would select admin@example.com (password "admin") or every row.
  for (std::string user :
       {"nobody' OR '1'='1", "admin@example.com'-- ", "nobody' OR username='admin@example.com",
        "x\\' OR 1=1 -- ", "admin@example.com' #", "nobody\" OR \"1\"=\"1"}) {
    LookupResult p = passdb_->Lookup(Request(user));
    EXPECT_EQ(p.status, Status::kNotFound) << user << ": " << p.error;
    EXPECT_EQ(userdb_->Lookup(Request(user), {}).status, Status::kNotFound) << user;
  }
  EXPECT_TRUE(LogsIn("admin@example.com", "admin"));  // the row the attempts aimed at
}

TEST_F(SqlIntegrationTest, IterateListsActiveUsers) {
  auto users = db_->Iterate();
  ASSERT_TRUE(users) << users.error().ToString();
  std::sort(users->begin(), users->end());
  std::vector<std::string> want = {
      "admin@example.com",  "blf@example.com",   "default@example.com", "md5crypt@example.com",
      "pbkdf2@example.com", "plain@example.org", "sha512@example.com",  "ssha256@example.com"};
  EXPECT_EQ(*users, want);
}

TEST_F(SqlIntegrationTest, ManyThreadsShareTheConnections) {
  std::atomic<int> found = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 40; ++i) {
        std::string user = (i + t) % 2 ? "admin@example.com" : "plain@example.org";
        bool pass = passdb_->Lookup(Request(user)).status == Status::kFound;
        bool home = userdb_->Lookup(Request(user), {}).status == Status::kFound;
        found += pass && home;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(found, 8 * 40);
}

// The cases below stop and restart the server; each leaves it running.

TEST_F(SqlIntegrationTest, ServerDownIsATemporaryFailureAndRecoversWithoutRestart) {
  ASSERT_EQ(passdb_->Lookup(Request("admin@example.com")).status, Status::kFound);
  Shell("ROOST_MARIADB_STOP");

  auto start = Clock::now();
  LookupResult down = passdb_->Lookup(Request("admin@example.com"));
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(5));  // connect_timeout
  EXPECT_EQ(down.status, Status::kTempFail);
  EXPECT_EQ(down.error.rfind("sql: cannot connect to 127.0.0.1:" + Env("ROOST_SQL_PORT") + ": ", 0),
            0u)
      << down.error;
  LookupResult user_down = userdb_->Lookup(Request("admin@example.com"), {});
  EXPECT_EQ(user_down.status, Status::kTempFail);
  EXPECT_FALSE(db_->Iterate());

  Shell("ROOST_MARIADB_START");
  // A failed connect holds reconnects back for a second; the next lookup after it succeeds.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  LookupResult back = passdb_->Lookup(Request("admin@example.com"));
  EXPECT_EQ(back.status, Status::kFound) << back.error;
  EXPECT_EQ(userdb_->Lookup(Request("plain@example.org"), {}).status, Status::kFound);
}

TEST_F(SqlIntegrationTest, AConnectionTheServerDroppedIsReopenedOnce) {
  // Restarted between two lookups: the pooled connection is dead, and the lookup reconnects
  // and retries instead of failing.
  ASSERT_EQ(passdb_->Lookup(Request("admin@example.com")).status, Status::kFound);
  Shell("ROOST_MARIADB_STOP");
  Shell("ROOST_MARIADB_START");
  LookupResult r = passdb_->Lookup(Request("admin@example.com"));
  EXPECT_EQ(r.status, Status::kFound) << r.error;
}

TEST_F(SqlIntegrationTest, ADatabaseOpenedWhileTheServerIsDownConnectsLater) {
  Shell("ROOST_MARIADB_STOP");
  auto db = OpenSqlDatabase(Env("ROOST_SQL_CONF"));
  ASSERT_TRUE(db) << db.error().ToString();
  auto passdb = NewSqlPassDb(*db);
  LookupResult down = passdb->Lookup(Request("admin@example.com"));
  EXPECT_EQ(down.status, Status::kTempFail);
  EXPECT_NE(down.error.find("cannot connect"), std::string::npos) << down.error;
  Shell("ROOST_MARIADB_START");
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  LookupResult up = passdb->Lookup(Request("admin@example.com"));
  EXPECT_EQ(up.status, Status::kFound) << up.error;
}

}  // namespace
}  // namespace auth
