// extlists limits (house rule 5).
#pragma once

#include <cstddef>

namespace sieve::ext {

// Longest value the :list match type looks up (bytes): a longer one is on no list, and the
// embedder is never asked about it. Pigeonhole has a per-list max_lookup_size for the same.
inline constexpr size_t kMaxListLookupSize = 1024;

}  // namespace sieve::ext
