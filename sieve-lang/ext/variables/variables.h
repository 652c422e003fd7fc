// The variables extension's commands and tests (RFC 5229), listed by extension.cc.
#pragma once

#include <string_view>

#include "sieve-lang/extension.h"

namespace sieve::ext {

const CommandDef& SetCommand();
const CommandDef& StringTest();

// RFC 5229 §3 identifier: (ALPHA / "_") *(ALPHA / DIGIT / "_").
bool IsVariableIdentifier(std::string_view name);

}  // namespace sieve::ext
