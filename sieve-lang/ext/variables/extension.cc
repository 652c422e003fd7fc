// variables (RFC 5229): `set` with modifiers, the `string` test, "${name}" expansion of
// every string at run time, and match variables ${0}..${N} from :matches. Values longer than
// sieve_variables_max_variable_size are truncated; at most sieve_variables_max_scope_size
// variables per script. Status: complete (the `global` namespace comes with include).
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/ext/variables/variables.h"

namespace sieve {

const Extension& VariablesExtension() {
  static const Extension ext{
      .name = "variables",
      .commands = {&ext::SetCommand(), &ext::StringTest()},
      .check_string = ext::CheckReferences,
      .expands_variables = true,
  };
  return ext;
}

}  // namespace sieve
