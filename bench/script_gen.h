// Deterministic generator of realistic core-language Sieve filters for benchmarks and for
// comparing compilers (compare-sievec.sh). Same `rules` -> byte-identical script.
#pragma once

#include <string>

namespace bench {

// A filter of `rules` top-level rules (some are elsif chains), requiring
// fileinto/envelope/copy, every rule with distinct literals. Rules are written so that a
// typical message matches few of them (execution benchmarks stay below sieve_max_actions).
std::string GenerateScript(int rules);

}  // namespace bench
