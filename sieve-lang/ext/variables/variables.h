// The variables extension's commands and tests (RFC 5229), listed by extension.cc.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sieve-lang/extension.h"

namespace sieve {
class ValidationContext;
}

namespace sieve::ext {

const CommandDef& SetCommand();
const CommandDef& StringTest();

// RFC 5229 §3 identifier: (ALPHA / "_") *(ALPHA / DIGIT / "_").
bool IsVariableIdentifier(std::string_view name);

// What is wrong with a variable name (identifier, known namespace, limits), if anything.
std::optional<std::string> CheckVariableName(const ValidationContext& ctx, std::string_view name);
// What is wrong with the "${...}" references in a string literal, if anything.
std::optional<std::string> CheckReferences(const ValidationContext& ctx, std::string_view text);
// Whether the script has set `name` (as a local variable) so far.
bool IsDeclaredVariable(ValidationContext& ctx, std::string_view name);
// Records that the script sets `name`; an error (once) when it sets too many variables.
std::optional<std::string> DeclareVariable(ValidationContext& ctx, std::string_view name);

}  // namespace sieve::ext
