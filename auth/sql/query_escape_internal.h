// Expanding %variables into an SQL query with every substituted value escaped. As in
// Dovecot (auth_request_get_var_expand_table_full with the driver's escape function), the
// values are escaped before expansion, so a quote in a login name cannot end the string
// literal it is put into.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "config/var_expand.h"

namespace auth::sql {

// Escapes one value for a string literal (mysql_real_escape_string on a live connection).
using EscapeFn = std::function<std::string(std::string_view)>;

// `query` with `vars` expanded, each value passed through `escape` first.
// Escaping first has one hole Dovecot leaves open: a width, offset or R modifier (%1u, %Ru)
// can cut or reverse an escape sequence ("\'" -> "\" or "'\"), and a lone backslash or quote
// reopens the query. Such an expansion is refused (InvalidArgument) instead of being sent.
base::Result<std::string> ExpandEscaped(std::string_view query, const config::VarValues& vars,
                                        const EscapeFn& escape);

}  // namespace auth::sql
