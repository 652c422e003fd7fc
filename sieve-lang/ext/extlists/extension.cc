// extlists (RFC 6134): the :list match type (mt_list.cc) and the valid_ext_list test, over
// lists the embedder holds (Host::ExternalListContains; none by default). Status: partial, as
// in Pigeonhole ("the :list match type only"): `redirect :list` and `notify :list` are not
// offered (the Host cannot enumerate a list's members, and there is no enotify yet), so they
// are compile errors (unknown tag). :list matching waits for Runtime::MatchAny to call
// MatchType::MatchWithHost.
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/ext/extlists/extlists.h"

namespace sieve {

const Extension& ExtlistsExtension() {
  static const Extension ext{
      .name = "extlists",
      .commands = {&ext::ValidExtListTest()},
      .match_types = {&ext::ListMatchType()},
  };
  return ext;
}

}  // namespace sieve
