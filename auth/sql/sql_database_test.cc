// The connection handling that needs no server: a port nobody listens on. The real server
// (lookups, restart recovery) is sql_integration_test.cc, run by tests/auth/sql_auth_test.sh.
#include <fstream>

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "auth/sql/sql_db.h"
#include "base/testing/temp_dir.h"

namespace auth {
namespace {

// A loopback port that refuses connections: bound (so nobody else takes it) but not listening.
class ClosedPort {
 public:
  ClosedPort() : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (bind(fd_, reinterpret_cast<sockaddr*>(&addr), len) == 0 &&
        getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
      port_ = ntohs(addr.sin_port);
    }
  }
  ~ClosedPort() { close(fd_); }
  ClosedPort(const ClosedPort&) = delete;
  ClosedPort& operator=(const ClosedPort&) = delete;
  int port() const { return port_; }

 private:
  int fd_;
  int port_ = 0;
};

class SqlDatabaseTest : public ::testing::Test {
 protected:
  std::string WriteConf(std::string_view text) {
    std::string path = dir_.path() + "/dovecot-sql.conf.ext";
    std::ofstream(path) << text;
    return path;
  }
  base::testing::TempDir dir_;
};

TEST_F(SqlDatabaseTest, OpeningReadsTheFileButDoesNotConnect) {
  auto db =
      OpenSqlDatabase(WriteConf("driver = mysql\nconnect = host=192.0.2.1 connect_timeout=1\n"
                                "default_pass_scheme = BLF-CRYPT\n"));
  ASSERT_TRUE(db) << db.error().ToString();
  EXPECT_EQ((*db)->default_pass_scheme(), "BLF-CRYPT");
  EXPECT_EQ((*db)->path(), dir_.path() + "/dovecot-sql.conf.ext");
  EXPECT_EQ(NewSqlPassDb(*db)->driver(), "sql");
  EXPECT_EQ(NewSqlUserDb(*db)->driver(), "sql");
}

TEST_F(SqlDatabaseTest, ABrokenFileIsAnErrorAtOpen) {
  auto db = OpenSqlDatabase(WriteConf("driver = sqlite\nconnect = /tmp/x.db\n"));
  ASSERT_FALSE(db);
  EXPECT_NE(db.error().message().find("dovecot-sql.conf.ext:1: driver 'sqlite'"), std::string::npos)
      << db.error().message();
}

TEST_F(SqlDatabaseTest, ServerDownIsATemporaryFailureThenWaitsBeforeReconnecting) {
  ClosedPort closed;
  ASSERT_NE(closed.port(), 0);
  auto now = std::chrono::steady_clock::time_point{};
  SqlDatabaseOptions options;
  options.now = [&] { return now; };
  auto db = OpenSqlDatabase(WriteConf("driver = mysql\nconnect = host=127.0.0.1 port=" +
                                      std::to_string(closed.port()) + " dbname=x\n"),
                            std::move(options));
  ASSERT_TRUE(db) << db.error().ToString();
  auto passdb = NewSqlPassDb(*db);
  AuthRequest request{.user = "a@example.com", .service = "imap"};

  std::string where = "sql: cannot connect to 127.0.0.1:" + std::to_string(closed.port()) + ": ";
  LookupResult first = passdb->Lookup(request);
  ASSERT_EQ(first.status, LookupResult::Status::kTempFail);
  EXPECT_EQ(first.error.rfind(where, 0), 0u) << first.error;

  now += std::chrono::milliseconds(500);
  LookupResult soon = NewSqlUserDb(*db)->Lookup(request, {});
  ASSERT_EQ(soon.status, LookupResult::Status::kTempFail);
  EXPECT_NE(soon.error.find("(waiting before reconnecting)"), std::string::npos) << soon.error;

  now += std::chrono::milliseconds(600);
  LookupResult later = passdb->Lookup(request);
  ASSERT_EQ(later.status, LookupResult::Status::kTempFail);
  EXPECT_EQ(later.error.find("waiting"), std::string::npos) << later.error;

  auto users = (*db)->Iterate();
  ASSERT_FALSE(users);
  EXPECT_EQ(users.error().code(), base::Status::Code::kTemporary);
}

}  // namespace
}  // namespace auth
