#include <mutex>

#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>

#include "auth/sql/mysql_connection_internal.h"

namespace auth::sql {
namespace {

// mysql_library_init is not thread-safe and mysql_init calls it on first use, so two worker
// threads opening their first connections together would race inside the client library.
// The flag is the one piece of process state here: it guards the library's own globals.
// (Connector/C 3.x needs no mysql_thread_init: it is a no-op there.)
void InitLibraryOnce() {
  static std::once_flag once;
  std::call_once(once, [] { (void)mysql_library_init(0, nullptr, nullptr); });
}

bool IsConnectionLost(unsigned code) {
  return code == CR_SERVER_GONE_ERROR || code == CR_SERVER_LOST || code == ER_CONNECTION_KILLED ||
         code == ER_SERVER_SHUTDOWN;
}

void SetTimeout(MYSQL* mysql, mysql_option option, std::chrono::seconds timeout) {
  unsigned seconds = static_cast<unsigned>(timeout.count());
  mysql_options(mysql, option, &seconds);
}

}  // namespace

void MysqlConnection::Closer::operator()(st_mysql* mysql) const { mysql_close(mysql); }

MysqlConnection::MysqlConnection(const ConnectSettings& settings) : settings_(settings) {}

MysqlConnection::~MysqlConnection() = default;

base::Status MysqlConnection::Connect() {
  InitLibraryOnce();
  std::unique_ptr<st_mysql, Closer> mysql(mysql_init(nullptr));
  if (mysql == nullptr) return base::Status::Temporary("sql: mysql_init: out of memory");
  SetTimeout(mysql.get(), MYSQL_OPT_CONNECT_TIMEOUT, settings_.connect_timeout);
  SetTimeout(mysql.get(), MYSQL_OPT_READ_TIMEOUT, settings_.read_timeout);
  SetTimeout(mysql.get(), MYSQL_OPT_WRITE_TIMEOUT, settings_.write_timeout);
  // A fixed charset makes the escaping independent of the client library's build default.
  mysql_options(mysql.get(), MYSQL_SET_CHARSET_NAME, "utf8mb4");
  // Auth queries never read client files; a hostile server must not be able to ask for one.
  unsigned no_local_infile = 0;
  mysql_options(mysql.get(), MYSQL_OPT_LOCAL_INFILE, &no_local_infile);
  auto or_null = [](const std::string& s) { return s.empty() ? nullptr : s.c_str(); };
  if (mysql_real_connect(mysql.get(), settings_.host.c_str(), or_null(settings_.user),
                         or_null(settings_.password), or_null(settings_.dbname), settings_.port,
                         or_null(settings_.unix_socket), 0) == nullptr) {
    return base::Status::Temporary("sql: cannot connect to " + settings_.Where() + ": " +
                                   mysql_error(mysql.get()));
  }
  mysql_ = std::move(mysql);
  return base::Status::Ok();
}

std::string MysqlConnection::Escape(std::string_view value) const {
  // The worst case is every byte escaped, plus the terminating NUL.
  std::string out(value.size() * 2 + 1, '\0');
  unsigned long n = mysql_real_escape_string(mysql_.get(), out.data(), value.data(),
                                             static_cast<unsigned long>(value.size()));
  out.resize(n);
  return out;
}

base::Result<SqlRows> MysqlConnection::Query(std::string_view sql) {
  MYSQL* mysql = mysql_.get();
  auto failed = [&] {
    unsigned code = mysql_errno(mysql);
    std::string why = "sql: query on " + settings_.Where() + " failed: " + mysql_error(mysql);
    if (!IsConnectionLost(code)) return base::Err(base::Status::IOError(why));
    mysql_.reset();
    return base::Err(base::Status::Temporary(why));
  };
  if (mysql_real_query(mysql, sql.data(), static_cast<unsigned long>(sql.size())) != 0) {
    return failed();
  }
  SqlRows out;
  std::unique_ptr<MYSQL_RES, decltype(&mysql_free_result)> result(mysql_store_result(mysql),
                                                                  &mysql_free_result);
  if (result == nullptr) {
    if (mysql_field_count(mysql) == 0) return out;  // a statement without a result set
    return failed();
  }
  unsigned columns = mysql_num_fields(result.get());
  MYSQL_FIELD* fields = mysql_fetch_fields(result.get());
  for (unsigned i = 0; i < columns; ++i) out.columns.emplace_back(fields[i].name);
  while (MYSQL_ROW row = mysql_fetch_row(result.get())) {
    unsigned long* lengths = mysql_fetch_lengths(result.get());
    auto& values = out.rows.emplace_back();
    for (unsigned i = 0; i < columns; ++i) {
      if (row[i] == nullptr) {
        values.emplace_back(std::nullopt);
      } else {
        values.emplace_back(std::string(row[i], lengths[i]));
      }
    }
  }
  return out;
}

}  // namespace auth::sql
