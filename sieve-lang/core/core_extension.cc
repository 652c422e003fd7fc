// The RFC 5228 core language as an always-loaded extension, plus the requireable comparator
// names.
#include "sieve-lang/core/core.h"
#include "sieve-lang/ext/builtin.h"

namespace sieve {

const Extension& CoreExtension() {
  using namespace core;
  static const Extension ext{
      .name = "core",
      .commands = {&RequireCommand(), &IfCommand(), &ElsifCommand(), &ElseCommand(),
                   &StopCommand(), &KeepCommand(), &DiscardCommand(), &RedirectCommand(),
                   &TrueTest(), &FalseTest(), &NotTest(), &AllofTest(), &AnyofTest(),
                   &ExistsTest(), &HeaderTest(), &AddressTest(), &SizeTest()},
      .comparators = {&OctetComparator(), &AsciiCasemapComparator(),
                      &UnicodeCasemapComparator()},
      .match_types = {&IsMatch(), &ContainsMatch(), &MatchesMatch()},
      .address_parts = {&AllPart(), &LocalpartPart(), &DomainPart()},
      .implicit = true,
  };
  return ext;
}

// RFC 5228 §2.7.3: i;octet and i;ascii-casemap are always available, so requiring them is a
// no-op; Pigeonhole also lets scripts use i;unicode-casemap without require.
const Extension& OctetComparatorExtension() {
  static const Extension ext{.name = "comparator-i;octet"};
  return ext;
}

const Extension& AsciiCasemapComparatorExtension() {
  static const Extension ext{.name = "comparator-i;ascii-casemap"};
  return ext;
}

const Extension& UnicodeCasemapComparatorExtension() {
  static const Extension ext{.name = "comparator-i;unicode-casemap"};
  return ext;
}

}  // namespace sieve
