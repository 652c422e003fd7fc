// extlists (RFC 6134): list names, the :list match type and the valid_ext_list test, listed by
// extension.cc. The embedder holds the lists (Host::ExternalListContains).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sieve-lang/extension.h"
#include "sieve-lang/match_type.h"

namespace sieve::ext {

// The URI a list name stands for: a name starting with ':' is short for a URN under
// "urn:ietf:params:sieve" (":addrbook:default" is "urn:ietf:params:sieve:addrbook:default",
// the user's default address book); any other name is a URI already.
std::string ExpandListName(std::string_view name);

// What is wrong with `name` as a list name, if anything: once expanded it must be an absolute
// URI (RFC 3986 §4.3: a scheme, ':', and more, in URI characters only).
std::optional<std::string> CheckListName(std::string_view name);

const MatchType& ListMatchType();
const CommandDef& ValidExtListTest();

}  // namespace sieve::ext
