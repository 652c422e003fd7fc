#include "auth/auth_penalty.h"

#include <algorithm>

namespace auth {

std::chrono::milliseconds AuthPenalty::Delay(const std::string& ip) {
  unsigned failures = Count(ip);
  if (failures == 0) return std::chrono::milliseconds(0);
  // 2, 4, 8 seconds, then the 15 s ceiling (Dovecot's AUTH_PENALTY_INIT_SECS and _MAX_SECS).
  unsigned shift = std::min(failures - 1, 3u);
  return std::min<std::chrono::milliseconds>(std::chrono::seconds(2u << shift), kMaxDelay);
}

void AuthPenalty::Failed(const std::string& ip) {
  if (ip.empty()) return;
  std::lock_guard lock(mutex_);
  auto now = clock_();
  if (by_ip_.size() >= kMaxAddresses && !by_ip_.contains(ip)) {
    std::erase_if(by_ip_, [&](const auto& item) { return now - item.second.last >= kForgetAfter; });
    if (by_ip_.size() >= kMaxAddresses) by_ip_.erase(by_ip_.begin());
  }
  State& state = by_ip_[ip];
  if (state.failures > 0 && now - state.last >= kForgetAfter) state.failures = 0;
  ++state.failures;
  state.last = now;
}

void AuthPenalty::Succeeded(const std::string& ip) {
  std::lock_guard lock(mutex_);
  by_ip_.erase(ip);
}

unsigned AuthPenalty::Count(const std::string& ip) {
  std::lock_guard lock(mutex_);
  auto it = by_ip_.find(ip);
  if (it == by_ip_.end()) return 0;
  if (clock_() - it->second.last >= kForgetAfter) {
    by_ip_.erase(it);
    return 0;
  }
  return it->second.failures;
}

}  // namespace auth
