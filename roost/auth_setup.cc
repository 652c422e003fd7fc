#include "roost/auth_setup.h"

#include "auth/auth_settings.h"
#include "auth/db/databases.h"

namespace roost {

base::Result<std::unique_ptr<auth::Authenticator>> MakeAuthenticator(
    const config::Settings& settings) {
  auto auth_settings = auth::LoadAuthSettings(settings);
  if (!auth_settings) return base::Err(auth_settings.error());
  auto databases = auth::OpenDatabases(settings.config());
  if (!databases) return base::Err(databases.error());
  if (databases->passdbs.empty() && databases->userdbs.empty()) {
    return base::Err(base::Status::InvalidArgument(
        "no passdb and no userdb configured: nobody could log in"));
  }
  return auth::Authenticator::Create(std::move(*auth_settings), std::move(*databases));
}

}  // namespace roost
