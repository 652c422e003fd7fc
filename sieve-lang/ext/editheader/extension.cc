// editheader (RFC 5293): addheader and deleteheader change the message the rest of the script
// sees (Runtime::EditMessage); each action keeps the version it was added with and the
// implicit keep takes the final one (ExecOutcome::edited_message), except after a runtime
// error (§7). Off by default, as in Pigeonhole. Status: complete.
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/ext/editheader/editheader.h"

namespace sieve {

const Extension& EditheaderExtension() {
  static const Extension ext{
      .name = "editheader",
      .commands = {&ext::AddheaderCommand(), &ext::DeleteheaderCommand()},
  };
  return ext;
}

}  // namespace sieve
