// vnd.dovecot.environment (spec-bosch-sieve-dovecot-environment): the environment items it adds
// (§3), which the environment test and the "env" variables namespace serve while a script
// requires the extension.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sieve {

class Runtime;

namespace ext {

enum class DovecotItem {
  kDefaultMailbox,  // "vnd.dovecot.default-mailbox": where the (implicit) keep stores
  kUsername,        // "vnd.dovecot.username": the recipient user, as the embedder names it
  kConfig,          // "vnd.dovecot.config.<id>": setting sieve_environment/<id>
};

// Which item of this extension `name` is, if any.
std::optional<DovecotItem> FindDovecotItem(std::string_view name);
// Whether the script being run required vnd.dovecot.environment.
bool DovecotEnvironmentLoaded(const Runtime& rt);
// The value of `item` (named `name`); nullopt when it has none.
std::optional<std::string> DovecotItemValue(Runtime& rt, DovecotItem item, std::string_view name);

}  // namespace ext
}  // namespace sieve
