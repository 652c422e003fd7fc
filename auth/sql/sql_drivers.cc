// The PassDb and UserDb faces of one SqlDatabase: each runs its query for the login's
// %variables and maps the rows by Dovecot's rules (sql_fields_internal.h).
#include "auth/db/request_vars.h"
#include "auth/sql/sql_db.h"
#include "auth/sql/sql_fields_internal.h"

namespace auth {
namespace {

LookupResult Run(SqlDatabase& db, SqlDatabase::QueryKind kind, const AuthRequest& request) {
  auto rows = db.Run(kind, RequestVars(request));
  if (!rows) return LookupResult::TempFail(rows.error().message());
  return kind == SqlDatabase::QueryKind::kPassword ? sql::PassDbResult(*rows, request.user)
                                                   : sql::UserDbResult(*rows, request.user);
}

class SqlPassDb final : public PassDb {
 public:
  explicit SqlPassDb(std::shared_ptr<SqlDatabase> db) : db_(std::move(db)) {}
  std::string_view driver() const override { return "sql"; }
  LookupResult Lookup(const AuthRequest& request) override {
    return Run(*db_, SqlDatabase::QueryKind::kPassword, request);
  }

 private:
  std::shared_ptr<SqlDatabase> db_;
};

class SqlUserDb final : public UserDb {
 public:
  explicit SqlUserDb(std::shared_ptr<SqlDatabase> db) : db_(std::move(db)) {}
  std::string_view driver() const override { return "sql"; }
  // `prefetched` is for the prefetch driver; here the query is the source of truth.
  LookupResult Lookup(const AuthRequest& request, const Fields& /*prefetched*/) override {
    return Run(*db_, SqlDatabase::QueryKind::kUser, request);
  }

 private:
  std::shared_ptr<SqlDatabase> db_;
};

}  // namespace

std::unique_ptr<PassDb> NewSqlPassDb(std::shared_ptr<SqlDatabase> db) {
  return std::make_unique<SqlPassDb>(std::move(db));
}

std::unique_ptr<UserDb> NewSqlUserDb(std::shared_ptr<SqlDatabase> db) {
  return std::make_unique<SqlUserDb>(std::move(db));
}

}  // namespace auth
