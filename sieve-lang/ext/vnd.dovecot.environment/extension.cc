// vnd.dovecot.environment (spec-bosch-sieve-dovecot-environment): more environment items
// (§3: vnd.dovecot.default-mailbox, vnd.dovecot.username, vnd.dovecot.config.<id>, see
// items.cc) and the read-only "env" variables namespace that makes every environment item a
// variable (§4). It implies "environment" (§5): requiring it also brings the environment
// test. Status: complete, except that `set "env.x"` is not refused (it sets a local variable).
#include <algorithm>

#include "base/strings.h"
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/ext/environment/environment.h"
#include "sieve-lang/runtime.h"

namespace sieve {
namespace {

// §4: ${env.<item>} is environment item <item>, where a "-" of the item's name is written "_"
// (a variable name cannot hold "-"): env.vnd.dovecot.default_mailbox. The part after
// "vnd.dovecot.config." names a setting and is taken as it is.
std::optional<std::string> ReadEnvVariable(Runtime& rt, std::string_view name) {
  std::string item = base::AsciiToLower(name);
  if (item.starts_with("vnd.dovecot.config.")) return ext::LookupEnvironmentItem(rt, item);
  std::string dashed = item;
  std::replace(dashed.begin(), dashed.end(), '_', '-');
  if (auto value = ext::LookupEnvironmentItem(rt, dashed)) return value;
  if (dashed == item) return std::nullopt;
  return ext::LookupEnvironmentItem(rt, item);
}

}  // namespace

const Extension& DovecotEnvironmentExtension() {
  static const Extension ext{
      .name = "vnd.dovecot.environment",
      .commands = {&ext::EnvironmentTest()},
      .variable_namespace = "env",
      .read_namespace_variable = ReadEnvVariable,
  };
  return ext;
}

}  // namespace sieve
