// The environment items of vnd.dovecot.environment (spec-bosch-sieve-dovecot-environment §3).
#include "sieve-lang/ext/vnd.dovecot.environment/items.h"

#include <algorithm>

#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/runtime.h"

namespace sieve::ext {
namespace {

constexpr std::string_view kConfigPrefix = "vnd.dovecot.config.";

}  // namespace

std::optional<DovecotItem> FindDovecotItem(std::string_view name) {
  if (name == "vnd.dovecot.default-mailbox") return DovecotItem::kDefaultMailbox;
  if (name == "vnd.dovecot.username") return DovecotItem::kUsername;
  if (name.starts_with(kConfigPrefix) && name.size() > kConfigPrefix.size()) {
    return DovecotItem::kConfig;
  }
  return std::nullopt;
}

bool DovecotEnvironmentLoaded(const Runtime& rt) {
  if (rt.program() == nullptr) return false;
  const auto& loaded = rt.program()->extensions();
  return std::find(loaded.begin(), loaded.end(), &DovecotEnvironmentExtension()) != loaded.end();
}

std::optional<std::string> DovecotItemValue(Runtime& rt, DovecotItem item, std::string_view name) {
  switch (item) {
    case DovecotItem::kDefaultMailbox:
      // "The default mailbox that is used by the (implicit) keep action."
      return rt.result().default_mailbox();
    case DovecotItem::kUsername:
      return rt.host().EnvironmentItem(name);
    case DovecotItem::kConfig: {
      // "only ... settings within a limited namespace": Pigeonhole's sieve_environment/<id>
      // (Dovecot 2.4), or sieve_env_<id> (2.3).
      std::string_view id = name.substr(kConfigPrefix.size());
      for (std::string_view prefix : {"sieve_environment/", "sieve_env_"}) {
        if (auto value = rt.host().Setting(std::string(prefix) + std::string(id))) return value;
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace sieve::ext
