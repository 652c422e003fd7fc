// What a passdb or userdb lookup makes of the rows its query returned (pure, so the Dovecot
// rules are tested without a server).
#pragma once

#include <string_view>

#include "auth/sql/sql_db.h"
#include "auth/user_db.h"

namespace auth::sql {

// password_query, as Dovecot's passdb-sql: no row is NotFound; more than one row, or no
// `password`/`password_noscheme` column, is an internal failure (TempFail). NULL columns are
// left out; `user` becomes LookupResult::user when it differs from `user`.
LookupResult PassDbResult(const SqlRows& rows, std::string_view user);

// user_query, as Dovecot's userdb-sql: no row is NotFound, otherwise the first row's fields.
LookupResult UserDbResult(const SqlRows& rows, std::string_view user);

}  // namespace auth::sql
