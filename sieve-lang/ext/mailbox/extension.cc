// mailbox (RFC 5490 §3): the `mailboxexists` test (true when every named mailbox exists, via
// Host::MailboxExists) and the :create tag on fileinto (the delivery creates a missing
// mailbox instead of failing). Status: complete.
#include <algorithm>

#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/runtime.h"

namespace sieve {
namespace {

const CommandDef& MailboxExistsTest() {
  static const CommandDef def{
      .name = "mailboxexists",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"mailbox names", ArgType::kStringList}}},
      .evaluate = [](Runtime& rt, const Operands& ops) -> TestOutcome {
        const auto& names = ops.positional[0].strings;
        return std::all_of(names.begin(), names.end(),
                           [&](const std::string& name) { return rt.host().MailboxExists(name); });
      },
  };
  return def;
}

}  // namespace

const Extension& MailboxExtension() {
  static const Extension ext{
      .name = "mailbox",
      .commands = {&MailboxExistsTest()},
      .external_tags = {{"fileinto", {"create", std::nullopt, {}, 0}}},
  };
  return ext;
}

}  // namespace sieve
