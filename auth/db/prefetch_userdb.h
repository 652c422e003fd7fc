// `userdb { driver = prefetch }`: the userdb_* fields the passdb already returned, so that
// an SQL or passwd-file login needs one query, not two. A lookup without a login (LDA, LMTP,
// `roost user`) has nothing prefetched and goes on to the next userdb, as in Dovecot.
#pragma once

#include <memory>

#include "auth/user_db.h"

namespace auth {

std::unique_ptr<UserDb> NewPrefetchUserDb();

}  // namespace auth
