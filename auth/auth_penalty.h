// Per-IP penalty for failed logins, like Dovecot's anvil: after N failures in a row from
// one address, the next attempt from it waits 2^N seconds (at most 15 s) before it is
// even checked; a success or an hour without failures clears it. Slows password guessing
// without locking the real user out. Thread-safe.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

namespace auth {

class AuthPenalty {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  static constexpr std::chrono::seconds kMaxDelay{15};
  static constexpr std::chrono::seconds kForgetAfter{3600};
  static constexpr size_t kMaxAddresses = 100000;  // memory bound under a spray of addresses

  explicit AuthPenalty(Clock clock = std::chrono::steady_clock::now) : clock_(std::move(clock)) {}

  // How long a login attempt from `ip` waits before it is processed (0 for unknown "").
  std::chrono::milliseconds Delay(const std::string& ip);
  void Failed(const std::string& ip);
  void Succeeded(const std::string& ip);
  // The failure count, for `roost auth penalty` and tests.
  unsigned Count(const std::string& ip);

 private:
  struct State {
    unsigned failures = 0;
    std::chrono::steady_clock::time_point last;
  };
  const Clock clock_;
  std::mutex mutex_;
  std::unordered_map<std::string, State> by_ip_;
};

}  // namespace auth
