// test_config_set, test_config_unset and test_config_reload (testsuite-spec §5.4). Overrides
// are kept by key and take effect at a reload: helper scripts then compile and run with an
// engine built from them (sieve_max_actions, ...), and the delivery settings this runner
// applies (redirect envelope sender, user email) are re-read. With :extension the extension
// must exist. The main test script keeps running on the engine it was compiled with.
#include <cstdio>

#include "sieve-lang/runtime.h"
#include "testsuite/commands.h"
#include "testsuite/state.h"

namespace testsuite {
namespace {

sieve::ExecStatus Set(sieve::Runtime& rt, const sieve::Operands& ops) {
  StateOf(rt).config()[ops.positional[0].str()] = ops.positional[1].str();
  return {};
}

sieve::ExecStatus Unset(sieve::Runtime& rt, const sieve::Operands& ops) {
  StateOf(rt).config().erase(ops.positional[0].str());
  return {};
}

sieve::ExecStatus Reload(sieve::Runtime& rt, const sieve::Operands& ops) {
  State& state = StateOf(rt);
  if (const sieve::TagValue* ext = ops.FindTag("extension")) {
    const std::string& name = ext->value->str();
    if (state.engine().registry().Find(name) == nullptr) {
      std::fprintf(state.out(), "ERROR: Unknown extension '%s'\n", name.c_str());
      return std::unexpected(sieve::ExecError{"unknown extension '" + name + "'"});
    }
  }
  if (std::optional<std::string> error = state.ReloadSettings()) {
    std::fprintf(state.out(), "ERROR: Failed to reload configuration: %s\n", error->c_str());
    return std::unexpected(sieve::ExecError{"failed to reload configuration: " + *error});
  }
  // The rest of this script runs with the reloaded limits too (variables' value size).
  rt.set_limits(state.engine().options().limits);
  // Values derived from settings (address parts) were cached for this run: start afresh.
  rt.Rebind(state.message(), state.envelope());
  return {};
}

}  // namespace

const sieve::CommandDef& TestConfigSetCommand() {
  static const sieve::CommandDef def{
      .name = "test_config_set",
      .signature = {.positional = {{"setting", sieve::ArgType::kString},
                                   {"value", sieve::ArgType::kString}}},
      .execute = Set,
  };
  return def;
}

const sieve::CommandDef& TestConfigUnsetCommand() {
  static const sieve::CommandDef def{
      .name = "test_config_unset",
      .signature = {.positional = {{"setting", sieve::ArgType::kString}}},
      .execute = Unset,
  };
  return def;
}

const sieve::CommandDef& TestConfigReloadCommand() {
  static const sieve::CommandDef def{
      .name = "test_config_reload",
      .signature = {.tags = {{"extension", sieve::ArgType::kString, "extension", 0}}},
      .execute = Reload,
  };
  return def;
}

}  // namespace testsuite
