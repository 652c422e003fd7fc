// environment (RFC 5183): the `environment` test compares an item the embedder knows
// (domain, host, location, name, phase, remote-host, remote-ip, version, ...). For an item
// the embedder does not know the test is false whatever the match type, :count included
// (RFC 5183 §4). Status: complete; the items come from Host::EnvironmentItem, plus those of
// vnd.dovecot.environment when a script requires it.
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/ext/environment/environment.h"
#include "sieve-lang/ext/vnd.dovecot.environment/items.h"
#include "sieve-lang/runtime.h"

namespace sieve {
namespace ext {

std::optional<std::string> LookupEnvironmentItem(Runtime& rt, std::string_view name) {
  if (std::optional<DovecotItem> item = FindDovecotItem(name)) {
    if (!DovecotEnvironmentLoaded(rt)) return std::nullopt;  // not an item of this script
    return DovecotItemValue(rt, *item, name);
  }
  return rt.host().EnvironmentItem(name);
}

namespace {

TestOutcome Evaluate(Runtime& rt, const Operands& ops) {
  std::optional<std::string> value = LookupEnvironmentItem(rt, ops.positional[0].str());
  if (!value) return false;
  return rt.MatchAny(ops, {std::move(*value)}, ops.positional[1].strings);
}

}  // namespace

const CommandDef& EnvironmentTest() {
  static const CommandDef def{
      .name = "environment",
      .kind = CommandKind::kTest,
      .signature = {.positional = {{"name", ArgType::kString}, {"key list", ArgType::kStringList}},
                    .match_tags = true},
      .evaluate = Evaluate,
  };
  return def;
}

}  // namespace ext

const Extension& EnvironmentExtension() {
  static const Extension ext{.name = "environment", .commands = {&ext::EnvironmentTest()}};
  return ext;
}

}  // namespace sieve
