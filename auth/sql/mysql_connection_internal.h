// One connection to a MySQL/MariaDB server through the libmysqlclient API (MariaDB
// Connector/C). Not thread-safe: the database hands each connection to one thread at a time.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "auth/sql/sql_db.h"
#include "auth/sql/sql_settings_internal.h"
#include "base/result.h"

struct st_mysql;

namespace auth::sql {

class MysqlConnection {
 public:
  explicit MysqlConnection(const ConnectSettings& settings);
  ~MysqlConnection();
  MysqlConnection(const MysqlConnection&) = delete;
  MysqlConnection& operator=(const MysqlConnection&) = delete;

  bool connected() const { return mysql_ != nullptr; }
  // Temporary("sql: cannot connect to 127.0.0.1:3307: <client error>") on failure; waits at
  // most connect_timeout.
  base::Status Connect();
  // `value` escaped for a string literal in this connection's character set. Needs a
  // connection (the escaping depends on the server's charset and NO_BACKSLASH_ESCAPES).
  std::string Escape(std::string_view value) const;
  // Runs one statement. When the server went away (restart, idle timeout) the connection is
  // closed and the error is Temporary, so the caller can reconnect and retry; other errors
  // (bad SQL) are IOError and leave the connection open.
  base::Result<SqlRows> Query(std::string_view sql);

 private:
  struct Closer {
    void operator()(st_mysql* mysql) const;
  };
  const ConnectSettings& settings_;
  std::unique_ptr<st_mysql, Closer> mysql_;
};

}  // namespace auth::sql
