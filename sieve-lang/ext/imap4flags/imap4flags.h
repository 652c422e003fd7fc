// imap4flags (RFC 5232): commands, test and the internal variable, listed by extension.cc.
#pragma once

#include <string_view>

#include "sieve-lang/extension.h"

namespace sieve::ext {

// The internal flags variable: a name no script can write (it is not an identifier).
inline constexpr std::string_view kInternalFlagsVariable = "imap4flags internal";

const CommandDef& SetflagCommand();
const CommandDef& AddflagCommand();
const CommandDef& RemoveflagCommand();
const CommandDef& HasflagTest();

}  // namespace sieve::ext
