#include "auth/auth_cache.h"

namespace auth {
namespace {

size_t SizeOf(const std::string& key, const LookupResult& result) {
  size_t bytes = sizeof(AuthCache::Entry) + key.size() * 2 + result.user.size();
  for (const auto& [name, value] : result.fields) bytes += name.size() + value.size() + 16;
  return bytes;
}

}  // namespace

AuthCache::AuthCache(size_t max_bytes, std::chrono::seconds ttl,
                     std::chrono::seconds negative_ttl, Clock clock)
    : max_bytes_(max_bytes), ttl_(ttl), negative_ttl_(negative_ttl), clock_(std::move(clock)) {}

std::optional<AuthCache::Entry> AuthCache::Get(const std::string& key) {
  if (!enabled()) return std::nullopt;
  std::lock_guard lock(mutex_);
  auto it = slots_.find(key);
  if (it == slots_.end()) {
    ++misses_;
    return std::nullopt;
  }
  if (clock_() >= it->second.expires) {
    EraseLocked(it);
    ++misses_;
    return std::nullopt;
  }
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  ++hits_;
  return it->second.entry;
}

void AuthCache::Put(const std::string& key, const LookupResult& result, bool verify_ok) {
  if (!enabled() || result.status == LookupResult::Status::kTempFail) return;
  std::lock_guard lock(mutex_);
  if (auto old = slots_.find(key); old != slots_.end()) EraseLocked(old);
  size_t bytes = SizeOf(key, result);
  if (bytes > max_bytes_) return;
  while (bytes_ + bytes > max_bytes_ && !lru_.empty()) EraseLocked(slots_.find(lru_.back()));
  lru_.push_front(key);
  auto ttl = result.status == LookupResult::Status::kFound ? ttl_ : negative_ttl_;
  slots_.emplace(key, Slot{Entry{result, verify_ok}, clock_() + ttl, bytes, lru_.begin()});
  bytes_ += bytes;
}

void AuthCache::SetVerified(const std::string& key, bool ok) {
  std::lock_guard lock(mutex_);
  if (auto it = slots_.find(key); it != slots_.end()) it->second.entry.last_verify_ok = ok;
}

void AuthCache::Remove(const std::string& key) {
  std::lock_guard lock(mutex_);
  if (auto it = slots_.find(key); it != slots_.end()) EraseLocked(it);
}

void AuthCache::Clear() {
  std::lock_guard lock(mutex_);
  slots_.clear();
  lru_.clear();
  bytes_ = 0;
}

void AuthCache::EraseLocked(std::unordered_map<std::string, Slot>::iterator it) {
  bytes_ -= it->second.bytes;
  lru_.erase(it->second.lru);
  slots_.erase(it);
}

size_t AuthCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}
size_t AuthCache::hits() const {
  std::lock_guard lock(mutex_);
  return hits_;
}
size_t AuthCache::misses() const {
  std::lock_guard lock(mutex_);
  return misses_;
}

}  // namespace auth
