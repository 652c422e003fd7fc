// Match types (RFC 5228 §2.7.1): how a value is compared with a key through a comparator.
#pragma once

#include <string_view>

#include "sieve-lang/comparator.h"

namespace sieve {

class MatchType {
 public:
  virtual ~MatchType() = default;
  virtual std::string_view name() const = 0;  // the tag without ':'
  // Needs Contains/Matches of the comparator (checked at compile time).
  virtual bool NeedsSubstring() const { return false; }
  virtual bool Match(const Comparator& cmp, std::string_view value, std::string_view key) const = 0;
};

}  // namespace sieve
