// The Authenticator a configuration describes: auth_* settings and the passdb/userdb chains.
#pragma once

#include <memory>

#include "auth/authenticator.h"
#include "base/result.h"
#include "config/settings.h"

namespace roost {

base::Result<std::unique_ptr<auth::Authenticator>> MakeAuthenticator(
    const config::Settings& settings);

}  // namespace roost
