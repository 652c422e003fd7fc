// Matching arguments against a command's Signature, shared by the validator (source) and the
// loader (bytecode, which may come from anywhere and is checked as strictly as source).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sieve-lang/extension.h"
#include "sieve-lang/value.h"

namespace sieve {

// The spec of `tag` on `def` given the `loaded` extensions: the command's own tags, tags other
// extensions add to it (":copy"), and, when the signature allows them, :comparator, match
// types (exclusive group -1) and address parts (group -2).
std::optional<TagSpec> FindTagSpec(const std::vector<const Extension*>& loaded,
                                   const CommandDef& def, std::string_view tag);

// Whether a value of type `actual` may stand where `wanted` is expected (a single string is
// a one-element string list).
bool ArgTypeFits(ArgType wanted, ArgType actual);

// Checks decoded operands against `def`'s signature: positional count and types, every tag
// known with a parameter exactly when its spec has one. Returns what is wrong, if anything.
std::optional<std::string> CheckOperands(const std::vector<const Extension*>& loaded,
                                         const CommandDef& def, const Operands& ops);

}  // namespace sieve
