// duplicate (RFC 7352): the tracking key and default periods, shared with its tests.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sieve::ext {

// Pigeonhole's defaults: sieve_duplicate_default_period 14d, sieve_duplicate_max_period 7d.
inline constexpr std::chrono::seconds kDefaultPeriod{14 * 24 * 3600};
inline constexpr std::chrono::seconds kMaxPeriod{7 * 24 * 3600};

// The tracking-database key of `id` under `handle` (RFC 7352 §3.5: handles keep separate
// sets of IDs; no handle is a set of its own).
std::string DuplicateKey(const std::optional<std::string>& handle, std::string_view id);

}  // namespace sieve::ext
