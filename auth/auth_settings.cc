#include "auth/auth_settings.h"

#include "base/strings.h"
#include "config/settings.h"

namespace auth {

base::Result<AuthSettings> LoadAuthSettings(const config::Settings& settings) {
  AuthSettings auth;
  auth.mechanisms.clear();
  for (const std::string& name : settings.GetList("auth_mechanisms")) {
    auth.mechanisms.push_back(base::AsciiToUpper(name));
  }
  auto plaintext = settings.GetBool("disable_plaintext_auth");
  auto cache_size = settings.GetSize("auth_cache_size");
  auto ttl = settings.GetTime("auth_cache_ttl");
  auto negative_ttl = settings.GetTime("auth_cache_negative_ttl");
  auto delay = settings.GetTime("auth_failure_delay");
  auto workers = settings.GetUint("auth_worker_max_count");
  for (const base::Status* error :
       {plaintext ? nullptr : &plaintext.error(), cache_size ? nullptr : &cache_size.error(),
        ttl ? nullptr : &ttl.error(), negative_ttl ? nullptr : &negative_ttl.error(),
        delay ? nullptr : &delay.error(), workers ? nullptr : &workers.error()}) {
    if (error != nullptr) return base::Err(*error);
  }
  auth.disable_plaintext_auth = *plaintext;
  auth.cache_size = *cache_size;
  auth.cache_ttl = std::chrono::duration_cast<std::chrono::seconds>(*ttl);
  auth.cache_negative_ttl = std::chrono::duration_cast<std::chrono::seconds>(*negative_ttl);
  auth.failure_delay = *delay;
  auth.worker_max_count = static_cast<unsigned>(std::min<uint64_t>(*workers, 1024));
  auth.username_format = settings.Get("auth_username_format");
  auth.username_chars = settings.Get("auth_username_chars");
  auth.default_realm = settings.Get("auth_default_realm");
  auth.login_trusted_networks = settings.Get("login_trusted_networks");
  auth.hostname = settings.Get("hostname");
  return auth;
}

}  // namespace auth
