// include (RFC 6609): `include [:personal / :global] [:once] [:optional] <name>`, `return`,
// `global <names>` and the "global." variable namespace. Included scripts are compiled with
// the including one (CompileUnit) and run as subroutines sharing the result and the global
// variables. Status: complete.
#include "base/strings.h"
#include "sieve-lang/compile_unit.h"
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/ext/include/script_name.h"
#include "sieve-lang/ext/variables/variables.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"

namespace sieve {
namespace {

ScriptLocation LocationOf(const Operands& ops) {
  return ops.HasTag("global") ? ScriptLocation::kGlobal : ScriptLocation::kPersonal;
}

bool ValidateInclude(ValidationContext& ctx, Node& node) {
  std::string& name = node.operands.positional[0].strings[0];
  if (auto error = ext::CheckScriptName(name)) {
    ctx.Error(node.location, "include: " + *error);
    return false;
  }
  name = std::string(ext::NormalizeScriptName(name));
  if (ctx.unit() == nullptr) {
    ctx.Error(node.location, "include: scripts cannot be included in this context");
    return false;
  }
  if (auto error = ctx.unit()->Include(LocationOf(node.operands), name,
                                       node.operands.HasTag("once"),
                                       node.operands.HasTag("optional"), ctx.include_depth())) {
    ctx.Error(node.location, *error);
    return false;
  }
  return true;
}

ExecStatus ExecuteInclude(Runtime& rt, const Operands& ops) {
  const std::string& name = ops.positional[0].str();
  std::optional<size_t> index =
      rt.unit() ? rt.unit()->FindIncluded(LocationOf(ops), name) : std::nullopt;
  if (!index) {
    // A missing :optional script was left out when compiling (RFC 6609 §3.2).
    if (ops.HasTag("optional")) return {};
    return std::unexpected(ExecError{"included script '" + name + "' is not in the program"});
  }
  if (rt.Tracing(TraceLevel::kCommands)) {
    rt.Trace(TraceLevel::kCommands, 1,
             std::string("include ") + ScriptLocationName(LocationOf(ops)) + " script '" + name +
                 "'");
  }
  return rt.RunIncluded(*index, ops.HasTag("once"));
}

const CommandDef& IncludeCommand() {
  static const CommandDef def{
      .name = "include",
      .signature = {.positional = {{"script name", ArgType::kString}},
                    .tags = {{"personal", std::nullopt, {}, 1},
                             {"global", std::nullopt, {}, 1},
                             {"once", std::nullopt, {}, 0},
                             {"optional", std::nullopt, {}, 0}}},
      .validate = ValidateInclude,
      .execute = ExecuteInclude,
  };
  return def;
}

const CommandDef& ReturnCommand() {
  static const CommandDef def{
      .name = "return",
      .execute = [](Runtime& rt, const Operands&) -> ExecStatus {
        rt.RequestReturn();
        return {};
      },
  };
  return def;
}

// RFC 6609 §3.4: `global` needs variables, names plain identifiers, and may not turn a
// variable the script already used as a local one into a global one.
bool ValidateGlobal(ValidationContext& ctx, Node& node) {
  if (!ctx.IsLoaded("variables")) {
    ctx.Error(node.location, "the global command requires the variables extension");
    return false;
  }
  auto& globals = ctx.Scratch<std::set<std::string>>(&ReturnCommand());
  bool ok = true;
  for (const std::string& name : node.operands.positional[0].strings) {
    if (!ext::IsVariableIdentifier(name)) {
      ctx.Error(node.location, "global: invalid variable name '" + name + "'");
      ok = false;
      continue;
    }
    std::string key = base::AsciiToLower(name);
    if (!globals.contains(key) && ext::IsDeclaredVariable(ctx, key)) {
      ctx.Error(node.location, "global: variable '" + name +
                                   "' is already used as a local variable of this script");
      ok = false;
      continue;
    }
    globals.insert(std::move(key));
  }
  return ok;
}

const CommandDef& GlobalCommand() {
  static const CommandDef def{
      .name = "global",
      .signature = {.positional = {{"variable names", ArgType::kStringList}}},
      .validate = ValidateGlobal,
      .execute = [](Runtime& rt, const Operands& ops) -> ExecStatus {
        for (const std::string& name : ops.positional[0].strings) rt.DeclareGlobal(name);
        return {};
      },
  };
  return def;
}

}  // namespace

const Extension& IncludeExtension() {
  static const Extension ext{
      .name = "include",
      .commands = {&IncludeCommand(), &ReturnCommand(), &GlobalCommand()},
      .variable_namespace = "global",
      .read_namespace_variable = [](Runtime& rt,
                                    std::string_view name) -> std::optional<std::string> {
        return rt.GetGlobal(name);
      },
      .write_namespace_variable = [](Runtime& rt, std::string_view name,
                                     std::string value) -> ExecStatus {
        rt.SetGlobal(name, std::move(value));
        return {};
      },
  };
  return ext;
}

}  // namespace sieve
