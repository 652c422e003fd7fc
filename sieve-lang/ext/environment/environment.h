// environment (RFC 5183): the test, which vnd.dovecot.environment also offers (it implies
// environment), and the item lookup the test and the "env" variables namespace share.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sieve-lang/extension.h"

namespace sieve::ext {

const CommandDef& EnvironmentTest();

// The value of environment item `name` for this run: the items vnd.dovecot.environment adds
// when the script requires it, otherwise what the embedder knows (Host::EnvironmentItem);
// nullopt for an unknown item.
std::optional<std::string> LookupEnvironmentItem(Runtime& rt, std::string_view name);

}  // namespace sieve::ext
