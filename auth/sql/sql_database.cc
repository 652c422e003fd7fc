#include <condition_variable>
#include <mutex>
#include <utility>

#include "auth/sql/mysql_connection_internal.h"
#include "auth/sql/query_escape_internal.h"
#include "auth/sql/sql_db.h"
#include "auth/sql/sql_settings_internal.h"

namespace auth {

using Clock = std::chrono::steady_clock;

struct SqlDatabase::Impl {
  sql::SqlSettings settings;
  SqlDatabaseOptions options;

  std::mutex mu;
  std::condition_variable returned;                         // a connection went back to `idle`
  std::vector<std::unique_ptr<sql::MysqlConnection>> idle;  // guarded by mu
  size_t open = 0;                                          // idle plus lent out; guarded by mu
  Clock::time_point retry_after{};                          // no connect before this; guarded by mu
  std::string connect_error;  // why the last connect failed; guarded by mu

  Clock::time_point Now() const { return options.now ? options.now() : Clock::now(); }
  const std::string& QueryText(QueryKind kind) const;
  // Borrows an idle connection, or a new unconnected one while fewer than the maximum exist.
  std::unique_ptr<sql::MysqlConnection> Borrow();
  void Return(std::unique_ptr<sql::MysqlConnection> connection);
  // Connects `connection` unless a connect failed less than reconnect_delay ago.
  base::Status Connect(sql::MysqlConnection& connection);
  base::Result<SqlRows> RunOn(sql::MysqlConnection& connection, QueryKind kind,
                              const config::VarValues& vars);
};

const std::string& SqlDatabase::Impl::QueryText(QueryKind kind) const {
  switch (kind) {
    case QueryKind::kPassword:
      return settings.password_query;
    case QueryKind::kUser:
      return settings.user_query;
    case QueryKind::kIterate:
      break;
  }
  return settings.iterate_query;
}

std::unique_ptr<sql::MysqlConnection> SqlDatabase::Impl::Borrow() {
  std::unique_lock lock(mu);
  returned.wait(lock, [&] { return !idle.empty() || open < options.max_connections; });
  if (idle.empty()) {
    ++open;
    return std::make_unique<sql::MysqlConnection>(settings.connect);
  }
  auto connection = std::move(idle.back());
  idle.pop_back();
  return connection;
}

void SqlDatabase::Impl::Return(std::unique_ptr<sql::MysqlConnection> connection) {
  {
    std::lock_guard lock(mu);
    idle.push_back(std::move(connection));
  }
  returned.notify_one();
}

base::Status SqlDatabase::Impl::Connect(sql::MysqlConnection& connection) {
  {
    std::lock_guard lock(mu);
    if (Now() < retry_after) {
      return base::Status::Temporary(connect_error + " (waiting before reconnecting)");
    }
  }
  base::Status status = connection.Connect();
  if (!status.ok()) {
    std::lock_guard lock(mu);
    retry_after = Now() + options.reconnect_delay;
    connect_error = status.message();
  }
  return status;
}

base::Result<SqlRows> SqlDatabase::Impl::RunOn(sql::MysqlConnection& connection, QueryKind kind,
                                               const config::VarValues& vars) {
  base::Result<SqlRows> rows = base::Err(base::Status::Temporary("sql: not run"));
  // A second round only when the first found the connection gone: the server restarted or
  // dropped an idle connection, and one reconnect usually finds it back.
  for (int round = 0; round < 2; ++round) {
    if (!connection.connected()) {
      if (base::Status status = Connect(connection); !status.ok()) return base::Err(status);
    }
    auto query = sql::ExpandEscaped(
        QueryText(kind), vars, [&](std::string_view value) { return connection.Escape(value); });
    if (!query) return base::Err(query.error());
    rows = connection.Query(*query);
    if (rows || connection.connected()) break;
  }
  return rows;
}

SqlDatabase::SqlDatabase(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

SqlDatabase::~SqlDatabase() = default;

const std::string& SqlDatabase::path() const { return impl_->settings.path; }

std::string_view SqlDatabase::default_pass_scheme() const {
  return impl_->settings.default_pass_scheme;
}

base::Result<SqlRows> SqlDatabase::Run(QueryKind kind, const config::VarValues& vars) {
  auto connection = impl_->Borrow();
  auto rows = impl_->RunOn(*connection, kind, vars);
  impl_->Return(std::move(connection));
  return rows;
}

base::Result<std::vector<std::string>> SqlDatabase::Iterate() {
  auto rows = Run(QueryKind::kIterate, {});
  if (!rows) return base::Err(rows.error());
  auto column = [&](std::string_view name) -> std::optional<size_t> {
    for (size_t i = 0; i < rows->columns.size(); ++i) {
      if (rows->columns[i] == name) return i;
    }
    return std::nullopt;
  };
  auto user = column("user"), username = column("username"), domain = column("domain");
  if (!user && !(username && domain)) {
    return base::Err(base::Status::InvalidArgument(
        path() + ": iterate_query must return a 'user' column or 'username' and 'domain'"));
  }
  std::vector<std::string> users;
  for (const auto& row : rows->rows) {
    if (user) {
      if (row[*user]) users.push_back(*row[*user]);
    } else if (row[*username]) {
      users.push_back(*row[*username] + (row[*domain] ? "@" + *row[*domain] : ""));
    }
  }
  return users;
}

base::Result<std::shared_ptr<SqlDatabase>> OpenSqlDatabase(const std::string& conf_path,
                                                           SqlDatabaseOptions options) {
  auto settings = sql::LoadSqlSettings(conf_path);
  if (!settings) return base::Err(settings.error());
  auto impl = std::make_unique<SqlDatabase::Impl>();
  impl->settings = std::move(*settings);
  impl->options = std::move(options);
  if (impl->options.max_connections == 0) impl->options.max_connections = 1;
  return std::make_shared<SqlDatabase>(std::move(impl));
}

}  // namespace auth
