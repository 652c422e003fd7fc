// Deterministic generator of realistic core-language Sieve filters for benchmarks and for
// comparing compilers (compare-sievec.sh). Same `rules` -> byte-identical script.
#pragma once

#include <string>

namespace bench {

// A filter of `rules` top-level rules (some are elsif chains), requiring
// fileinto/envelope/copy, every rule with distinct literals. Rules are written so that a
// typical message matches few of them (execution benchmarks stay below sieve_max_actions).
std::string GenerateScript(int rules);

// A filter of `rules` rules over the extensions mail clients use most: a third
// `header :regex`, a third `body :text :contains`, a third `date`/`currentdate` comparisons
// (with relational), requiring regex/body/date/relational/fileinto. Few rules match.
std::string GenerateExtensionScript(int rules);

}  // namespace bench
