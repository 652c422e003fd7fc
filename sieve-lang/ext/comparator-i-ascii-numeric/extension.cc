// comparator-i;ascii-numeric (RFC 4790 §9.1, RFC 5228 §2.7.3): the numeric comparator, usable
// once required.
#include "sieve-lang/core/core.h"
#include "sieve-lang/ext/builtin.h"

namespace sieve {

const Extension& AsciiNumericComparatorExtension() {
  static const Extension ext{
      .name = "comparator-i;ascii-numeric",
      .comparators = {&core::AsciiNumericComparator()},
  };
  return ext;
}

}  // namespace sieve
