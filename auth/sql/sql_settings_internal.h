// dovecot-sql.conf.ext: the file a `driver = sql` passdb/userdb names in its args.
//   driver = mysql
//   connect = host=127.0.0.1 port=3306 dbname=mail user=dovecot password="a b"
//   default_pass_scheme = SHA512-CRYPT
//   password_query = SELECT ... WHERE username = '%u'
//   user_query = ...    iterate_query = ...
// Parsing is pure: the file comes through config::ParseFile, nothing connects here.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "base/result.h"
#include "config/config.h"

namespace auth::sql {

// The `connect` string, Dovecot driver-mysql keys. Values may be "quoted" (with \ escapes).
struct ConnectSettings {
  std::string host;         // "localhost" uses the default UNIX socket, as libmysqlclient does
  std::string unix_socket;  // from host=/path (Dovecot: a host starting with '/' is a socket)
  unsigned port = 0;        // 0: the client library's default (3306)
  std::string dbname;
  std::string user;
  std::string password;
  // Dovecot's defaults (SQL_CONNECT_TIMEOUT_SECS, MYSQL_DEFAULT_READ/WRITE_TIMEOUT_SECS).
  std::chrono::seconds connect_timeout{5};
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds write_timeout{30};

  // "127.0.0.1:3307" or the socket path, for error messages.
  std::string Where() const;
};

struct SqlSettings {
  std::string path;  // the file, for messages
  ConnectSettings connect;
  // db-sql.c defaults, so a file that sets only driver and connect behaves as in Dovecot.
  std::string default_pass_scheme = "MD5";
  std::string password_query =
      "SELECT username, domain, password FROM users WHERE username = '%n' AND domain = '%d'";
  std::string user_query =
      "SELECT home, uid, gid FROM users WHERE username = '%n' AND domain = '%d'";
  std::string iterate_query = "SELECT username AS user FROM users";
};

// InvalidArgument naming the bad word ("unknown connect key 'sslmode'").
base::Result<ConnectSettings> ParseConnectString(std::string_view connect);

// The settings of a parsed file; errors are "<file>:<line>: <what>" (a missing `driver`
// names the file alone). Only driver = mysql is built in.
base::Result<SqlSettings> ParseSqlSettings(const config::Config& config, std::string_view path);

// config::ParseFile, then ParseSqlSettings.
base::Result<SqlSettings> LoadSqlSettings(const std::string& path);

}  // namespace auth::sql
