#include <algorithm>

#include "auth/sql/sql_fields_internal.h"

namespace auth::sql {
namespace {

// The first row as fields; the `user` column goes to LookupResult::user instead.
LookupResult FirstRow(const SqlRows& rows, std::string_view user) {
  LookupResult result = LookupResult::Found({});
  const auto& row = rows.rows.front();
  for (size_t i = 0; i < rows.columns.size() && i < row.size(); ++i) {
    if (!row[i] || rows.columns[i].empty()) continue;
    if (rows.columns[i] == "user") {
      if (*row[i] != user) result.user = *row[i];
      continue;
    }
    result.fields.emplace_back(rows.columns[i], *row[i]);
  }
  return result;
}

bool HasColumn(const SqlRows& rows, std::string_view name) {
  return std::find(rows.columns.begin(), rows.columns.end(), name) != rows.columns.end();
}

}  // namespace

LookupResult PassDbResult(const SqlRows& rows, std::string_view user) {
  if (rows.rows.empty()) return LookupResult::NotFound();
  // The column must exist even when it is NULL: a proxy passdb returns NULL on purpose.
  if (!HasColumn(rows, "password") && !HasColumn(rows, "password_noscheme")) {
    return LookupResult::TempFail("sql: password_query must return a field named 'password'");
  }
  if (rows.rows.size() > 1) {
    return LookupResult::TempFail("sql: password_query returned multiple matches");
  }
  return FirstRow(rows, user);
}

LookupResult UserDbResult(const SqlRows& rows, std::string_view user) {
  if (rows.rows.empty()) return LookupResult::NotFound();
  return FirstRow(rows, user);
}

}  // namespace auth::sql
