// `driver = static`: fields given in args, with %variables, for every user.
//   userdb { driver = static  args = uid=vmail gid=vmail home=/var/spool/mail/%d/%n }
//   passdb { driver = static  args = password=secret }   (or nopassword=y)
// The static userdb says every user exists: a mail host with one virtual uid asks its passdb
// who exists and needs no second lookup (Dovecot's advice for SQL and LDAP setups).
#pragma once

#include <memory>
#include <string_view>

#include "auth/user_db.h"
#include "base/result.h"

namespace auth {

// Splits "key=value key2=value2 flag" into fields (InvalidArgument for "=value").
base::Result<Fields> ParseStaticArgs(std::string_view args);

std::unique_ptr<UserDb> NewStaticUserDb(Fields fields);
std::unique_ptr<PassDb> NewStaticPassDb(Fields fields);

}  // namespace auth
