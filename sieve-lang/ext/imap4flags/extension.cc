// imap4flags (RFC 5232): setflag/addflag/removeflag, hasflag, and :flags on keep and
// fileinto. Stored messages get the :flags list, else the internal variable's flags at the
// time of the action; the implicit keep gets the internal variable's final value
// (Runtime::ImplicitKeepFlags). The embedder gives the internal variable a stored message's
// flags when it runs a script on one (IMAPSieve, the testsuite's test_message :folder).
// Status: complete.
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/ext/imap4flags/flags.h"
#include "sieve-lang/ext/imap4flags/imap4flags.h"
#include "sieve-lang/runtime.h"

namespace sieve {

void ext::DecorateWithFlags(Runtime& rt, const Operands& ops, Action& action) {
  if (action.kind != Action::Kind::kKeep && action.kind != Action::Kind::kStore) return;
  if (const TagValue* tag = ops.FindTag("flags")) {
    action.flags = ext::ParseFlags(tag->value->strings);
    return;
  }
  std::vector<std::string> current = ext::ParseFlags({rt.GetVariable(ext::kInternalFlagsVariable)});
  if (!current.empty()) action.flags = std::move(current);
}

const Extension& Imap4flagsExtension() {
  static const Extension ext{
      .name = "imap4flags",
      .commands = {&ext::SetflagCommand(), &ext::AddflagCommand(), &ext::RemoveflagCommand(),
                   &ext::HasflagTest()},
      .external_tags = {{"keep", {"flags", ArgType::kStringList, "list of flags", 0}},
                        {"fileinto", {"flags", ArgType::kStringList, "list of flags", 0}}},
      .decorate_action = ext::DecorateWithFlags,
  };
  return ext;
}

}  // namespace sieve
