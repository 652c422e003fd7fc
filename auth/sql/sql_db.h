// Dovecot's `driver = sql` passdb and userdb over MySQL/MariaDB:
//   passdb { driver = sql  args = /etc/dovecot/dovecot-sql.conf.ext }
//   userdb { driver = sql  args = /etc/dovecot/dovecot-sql.conf.ext }
// A passdb and a userdb naming the same file share one SqlDatabase (one settings file, one
// connection pool). Connections are opened on first use, not when the file is read, so the
// auth server starts while the database is down; lookups then fail temporarily and succeed
// again once it is back, without a restart.
//
// Columns become fields by name (`SELECT pw AS password, home AS userdb_home`); NULL columns
// are left out, as Dovecot does. The `user` column renames the user (canonical name).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/user_db.h"
#include "base/result.h"
#include "config/var_expand.h"

namespace auth {

// What one query returned; a NULL is nullopt.
struct SqlRows {
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;
};

struct SqlDatabaseOptions {
  // After a failed connect, lookups fail at once for this long instead of each waiting for
  // its own connect (Dovecot waits similarly before reconnecting).
  std::chrono::milliseconds reconnect_delay{1000};
  // Connections open at most at once; the auth workers share them.
  size_t max_connections = 4;
  // The clock for reconnect_delay; std::chrono::steady_clock::now when empty.
  std::function<std::chrono::steady_clock::time_point()> now;
};

// The settings of one dovecot-sql.conf.ext and its connections. Thread-safe.
class SqlDatabase {
 public:
  enum class QueryKind { kPassword, kUser, kIterate };

  struct Impl;
  explicit SqlDatabase(std::unique_ptr<Impl> impl);
  ~SqlDatabase();
  SqlDatabase(const SqlDatabase&) = delete;
  SqlDatabase& operator=(const SqlDatabase&) = delete;

  // The settings file this database was opened from.
  const std::string& path() const;
  // The scheme of stored passwords without a {SCHEME} prefix (`default_pass_scheme`, MD5
  // when unset, as in Dovecot), for verifying what the passdb returns.
  std::string_view default_pass_scheme() const;

  // Runs one of the file's queries with `vars` expanded, each value escaped on the live
  // connection. Temporary when the server cannot be reached (after one reconnect when it
  // went away mid-session), IOError when the server rejects the query, InvalidArgument for
  // a bad %variable.
  base::Result<SqlRows> Run(QueryKind kind, const config::VarValues& vars);

  // The users iterate_query lists: its `user` column, or `username`@`domain` columns.
  base::Result<std::vector<std::string>> Iterate();

 private:
  std::unique_ptr<Impl> impl_;
};

// Reads and checks the settings file (errors name file:line); does not connect.
base::Result<std::shared_ptr<SqlDatabase>> OpenSqlDatabase(const std::string& conf_path,
                                                           SqlDatabaseOptions options = {});

std::unique_ptr<PassDb> NewSqlPassDb(std::shared_ptr<SqlDatabase> db);
std::unique_ptr<UserDb> NewSqlUserDb(std::shared_ptr<SqlDatabase> db);

}  // namespace auth
