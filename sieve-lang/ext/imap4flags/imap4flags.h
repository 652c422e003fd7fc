// imap4flags (RFC 5232): commands, test and the internal variable, listed by extension.cc.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sieve-lang/extension.h"

namespace sieve::ext {

// The internal flags variable: a name no script can write (it is not an identifier).
inline constexpr std::string_view kInternalFlagsVariable = "imap4flags internal";

enum class FlagEdit { kSet, kAdd, kRemove };
// Sets, adds or removes the flags `given` (a flag list as written: "a b" is two flags) in the
// flags variable `variable`. Shared with the deprecated imapflags extension.
ExecStatus EditFlagVariable(Runtime& rt, std::string_view variable,
                            const std::vector<std::string>& given, FlagEdit edit);
// decorate_action of imap4flags and imapflags: a store gets the :flags list, else the internal
// variable's flags.
void DecorateWithFlags(Runtime& rt, const Operands& ops, Action& action);

const CommandDef& SetflagCommand();
const CommandDef& AddflagCommand();
const CommandDef& RemoveflagCommand();
const CommandDef& HasflagTest();

}  // namespace sieve::ext
