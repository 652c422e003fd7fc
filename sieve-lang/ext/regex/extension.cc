// regex (draft-murchison-sieve-regex-07): the :regex match type for every test with match
// types, implemented with RE2 (linear time: a pathological pattern cannot stall delivery).
// Deviations: RE2's POSIX mode rejects back-references, which POSIX EREs do not have
// anyway; the :quoteregex modifier of `set` is not provided yet. Status: complete otherwise.
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/ext/regex/regex.h"

namespace sieve {

const Extension& RegexExtension() {
  static const Extension ext{.name = "regex", .match_types = {&ext::RegexMatchType()}};
  return ext;
}

}  // namespace sieve
