// regex (draft-murchison-sieve-regex-07): the :regex match type, listed by extension.cc.
#pragma once

#include "sieve-lang/match_type.h"

namespace sieve::ext {

const MatchType& RegexMatchType();

}  // namespace sieve::ext
