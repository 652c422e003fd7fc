// Which header fields a script may add or delete (RFC 5293 §6): the fixed rules, then the
// administrator's settings as the embedder reports them (Host::Setting).
#include "base/strings.h"
#include "sieve-lang/ext/editheader/editheader.h"
#include "sieve-lang/redirect_policy.h"

namespace sieve::ext {
namespace {

struct Rule {
  bool forbid_add = false;
  bool forbid_delete = false;
};

bool IsYes(const std::optional<std::string>& value) {
  if (!value) return false;
  std::string v = base::AsciiToLower(base::TrimWhitespace(*value));
  return v == "yes" || v == "true" || v == "1";
}

bool Lists(const std::optional<std::string>& list, std::string_view name) {
  if (!list) return false;
  for (std::string_view item : base::SplitString(*list, ' ')) {
    if (base::EqualsIgnoreCase(base::TrimWhitespace(item), name)) return true;
  }
  return false;
}

Rule ConfiguredRule(const Host& host, std::string_view name) {
  Rule rule;
  // Dovecot 2.4: sieve_editheader_header = <keys>, each with <key>/name (default: the key)
  // and <key>/forbid_add, <key>/forbid_delete.
  if (std::optional<std::string> keys = host.Setting("sieve_editheader_header")) {
    for (std::string_view key : base::SplitString(*keys, ' ')) {
      key = base::TrimWhitespace(key);
      if (key.empty()) continue;
      std::string prefix = "sieve_editheader_header/" + std::string(key) + "/";
      std::string field = host.Setting(prefix + "name").value_or(std::string(key));
      if (!base::EqualsIgnoreCase(field, name)) continue;
      rule.forbid_add = rule.forbid_add || IsYes(host.Setting(prefix + "forbid_add"));
      rule.forbid_delete = rule.forbid_delete || IsYes(host.Setting(prefix + "forbid_delete"));
    }
  }
  // Pigeonhole 2.3: space-separated field names.
  bool is_protected = Lists(host.Setting("sieve_editheader_protected"), name);
  rule.forbid_add =
      rule.forbid_add || is_protected || Lists(host.Setting("sieve_editheader_forbid_add"), name);
  rule.forbid_delete = rule.forbid_delete || is_protected ||
                       Lists(host.Setting("sieve_editheader_forbid_delete"), name);
  return rule;
}

}  // namespace

bool MayAddField(const Host& host, std::string_view name) {
  // RFC 5293 §6: Subject MUST be allowed.
  if (base::EqualsIgnoreCase(name, "subject")) return true;
  // Redirect's loop detection relies on this field; a script must not forge it.
  if (base::EqualsIgnoreCase(name, kRedirectedFromHeader)) return false;
  return !ConfiguredRule(host, name).forbid_add;
}

bool MayDeleteField(const Host& host, std::string_view name) {
  // RFC 5293 §6: Received and Auto-Submitted MUST NOT be deleted, Subject MUST be allowed.
  if (base::EqualsIgnoreCase(name, "received") || base::EqualsIgnoreCase(name, "auto-submitted")) {
    return false;
  }
  if (base::EqualsIgnoreCase(name, "subject")) return true;
  return !ConfiguredRule(host, name).forbid_delete;
}

}  // namespace sieve::ext
