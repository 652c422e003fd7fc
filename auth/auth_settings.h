// The auth process settings (Dovecot 2.3 names), with Dovecot's defaults.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "base/result.h"

namespace config {
class Settings;
}  // namespace config

namespace auth {

struct AuthSettings {
  std::vector<std::string> mechanisms = {"PLAIN"};  // auth_mechanisms, upper case
  bool disable_plaintext_auth = true;
  size_t cache_size = 0;  // auth_cache_size, bytes; 0 = no cache
  std::chrono::seconds cache_ttl{3600};
  std::chrono::seconds cache_negative_ttl{3600};
  std::chrono::milliseconds failure_delay{2000};  // auth_failure_delay
  std::string username_format = "%Lu";            // auth_username_format
  // auth_username_chars; empty allows anything.
  std::string username_chars =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01234567890.-_@";
  std::string default_realm;           // auth_default_realm
  std::string login_trusted_networks;  // no penalty, counts as secured
  std::string hostname;                // CRAM-MD5 challenge; gethostname() when empty
  unsigned worker_max_count = 30;      // auth_worker_max_count: lookup threads
};

// The auth_* settings of a validated configuration (Settings::Build has type-checked them).
base::Result<AuthSettings> LoadAuthSettings(const config::Settings& settings);

}  // namespace auth
