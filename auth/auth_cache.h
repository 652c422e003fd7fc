// Dovecot's auth cache: passdb and userdb answers kept for auth_cache_ttl (found) or
// auth_cache_negative_ttl (not found), least recently used dropped beyond auth_cache_size
// bytes. Temporary failures are never kept. Thread-safe: worker threads share one cache.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "auth/user_db.h"

namespace auth {

class AuthCache {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  struct Entry {
    LookupResult result;
    // For a passdb entry: whether the last password checked against it matched. A mismatch
    // after a match means the password may have changed: the caller asks the database again.
    bool last_verify_ok = false;
  };

  // max_bytes 0 disables the cache (Dovecot's default).
  AuthCache(size_t max_bytes, std::chrono::seconds ttl, std::chrono::seconds negative_ttl,
            Clock clock = std::chrono::steady_clock::now);

  bool enabled() const { return max_bytes_ > 0; }
  std::optional<Entry> Get(const std::string& key);
  void Put(const std::string& key, const LookupResult& result, bool verify_ok = false);
  void SetVerified(const std::string& key, bool ok);
  void Remove(const std::string& key);
  // `roost auth flush`, a reload: forget everything.
  void Clear();

  size_t bytes() const;
  size_t hits() const;
  size_t misses() const;

 private:
  struct Slot {
    Entry entry;
    std::chrono::steady_clock::time_point expires;
    size_t bytes = 0;
    std::list<std::string>::iterator lru;
  };
  void EraseLocked(std::unordered_map<std::string, Slot>::iterator it);

  const size_t max_bytes_;
  const std::chrono::seconds ttl_, negative_ttl_;
  const Clock clock_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Slot> slots_;
  std::list<std::string> lru_;  // most recent first
  size_t bytes_ = 0, hits_ = 0, misses_ = 0;
};

}  // namespace auth
