// Limits of vnd.dovecot.pipe, .filter and .execute (house rule 5; spec-bosch-sieve-extprograms).
#pragma once

#include <cstddef>

namespace sieve::ext {

// §3: names of up to 128 characters MUST be accepted; a longer one is refused, not cut.
inline constexpr size_t kMaxProgramNameChars = 128;
// §4: at least 16 arguments of at least 1024 octets MUST be accepted; more SHOULD be limited.
inline constexpr size_t kMaxProgramArguments = 64;
inline constexpr size_t kMaxProgramArgumentSize = 4096;
// The largest message a filter program may hand back; a larger output fails the filter.
inline constexpr size_t kMaxFilterOutput = 64 * 1024 * 1024;
// What a program may write to standard error before the rest is dropped from the log.
inline constexpr size_t kMaxProgramErrors = 4096;

}  // namespace sieve::ext
