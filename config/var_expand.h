// Dovecot 2.3 %variables in settings and queries: %u user, %n its local part, %d its domain,
// %h home, %s service, %r/%l remote/local IP, %p pid, %w password, %% a percent sign; the
// long forms %{user} %{username} %{domain} %{home} %{service} %{rip} %{lip} %{pid}
// %{password} and any other name the caller gives. Between '%' and the variable: an optional
// [offset.]width substring (%1n first letter, %2.1n the third, %-3.3d the last three, a
// negative width drops that many from the end, %04{uid} pads with zeros) and
// modifiers L (lowercase), U (uppercase), R (reverse), M (MD5, hex), X (number as hex),
// H (Dovecot's hash, hex; a width is its modulus: %256Hu) and E (SQL escaping is the caller's; E backslash-escapes ' " and \).
// Pure: values come from the caller.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "base/result.h"

namespace config {

struct VarValues {
  // Long names ("user", "home", ...); the one-letter forms map onto them.
  std::map<std::string, std::string, std::less<>> values;
};

// `template` with every variable replaced. InvalidArgument for an unknown variable or a
// malformed reference, naming it (Dovecot logs those and uses an empty value; an admin
// should see the typo).
base::Result<std::string> ExpandVariables(std::string_view text, const VarValues& vars);

// Fills user, username (local part) and domain from a login name "local@domain".
void SetUser(VarValues& vars, std::string_view user);

}  // namespace config
