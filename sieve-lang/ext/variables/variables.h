// The variables extension's commands and tests (RFC 5229), listed by extension.cc.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sieve-lang/extension.h"

namespace sieve {
class ValidationContext;
struct Node;
}

namespace sieve::ext {

const CommandDef& SetCommand();
const CommandDef& StringTest();

// Assignment shared by set and extracttext (RFC 5703 §7): the modifier tags (RFC 5229 §4.1),
// applying them in precedence order, and checking the name assigned to (reported at node).
// `max_size` bounds what :encodeurl produces (0: unlimited).
const std::vector<TagSpec>& ModifierTags();
std::string ApplyModifiers(const Operands& ops, std::string value, size_t max_size = 0);
bool ValidateAssignedName(ValidationContext& ctx, const Node& node, std::string_view name);

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
