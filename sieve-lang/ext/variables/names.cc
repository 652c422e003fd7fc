// Compile-time checks of variable names (RFC 5229 §3), in `set` and in "${...}" references,
// with Pigeonhole's limits: name length, namespace elements, highest match index, and the
// number of distinct variables a script sets.
#include <set>

#include "base/strings.h"
#include "sieve-lang/ext/variables/variables.h"
#include "sieve-lang/validator.h"
#include "sieve-lang/variable_ref.h"

namespace sieve::ext {
namespace {

bool KnownNamespace(const ValidationContext& ctx, std::string_view ns) {
  for (const Extension* ext : ctx.loaded()) {
    if (!ext->variable_namespace.empty() && base::EqualsIgnoreCase(ext->variable_namespace, ns)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<std::string> CheckVariableName(const ValidationContext& ctx,
                                             std::string_view name) {
  const Limits& limits = ctx.limits();
  std::vector<std::string_view> parts = base::SplitString(name, '.');
  for (std::string_view part : parts) {
    if (!IsVariableIdentifier(part)) return "invalid variable name '" + std::string(name) + "'";
  }
  if (parts.size() > 1) {
    // RFC 5229 §3: the first element names the namespace, which owns the rest
    // (env.vnd.dovecot.username), as Runtime resolves it.
    if (!KnownNamespace(ctx, parts.front())) {
      return "variable name '" + std::string(name) + "' refers to unknown namespace '" +
             std::string(parts.front()) + "'";
    }
    if (parts.size() > limits.max_variable_name_elements) {
      return "variable name '" + std::string(name) + "' has too many elements (max " +
             std::to_string(limits.max_variable_name_elements) + ")";
    }
  }
  if (name.size() > limits.max_variable_name_length) {
    return "variable name '" + std::string(name) + "' is too long (max " +
           std::to_string(limits.max_variable_name_length) + " characters)";
  }
  return std::nullopt;
}

std::optional<std::string> CheckReferences(const ValidationContext& ctx, std::string_view text) {
  size_t from = 0;
  while (std::optional<VariableRef> ref = FindVariableRef(text, from)) {
    from = ref->end;
    if (ref->numeric) {
      if (ref->index > ctx.limits().max_match_index) {
        return "match value index " + std::string(ref->name) + " is out of range (max " +
               std::to_string(ctx.limits().max_match_index) + ")";
      }
    } else if (auto error = CheckVariableName(ctx, ref->name)) {
      return error;
    }
  }
  return std::nullopt;
}

bool IsDeclaredVariable(ValidationContext& ctx, std::string_view name) {
  return ctx.Scratch<std::set<std::string>>(&SetCommand()).contains(base::AsciiToLower(name));
}

std::optional<std::string> DeclareVariable(ValidationContext& ctx, std::string_view name) {
  auto& declared = ctx.Scratch<std::set<std::string>>(&SetCommand());
  declared.insert(base::AsciiToLower(name));
  const size_t max = ctx.limits().max_variables;
  if (max == 0 || declared.size() <= max) return std::nullopt;
  bool& reported = ctx.Scratch<bool>(&StringTest());
  if (std::exchange(reported, true)) return std::nullopt;
  return "too many variables declared in this script (max " + std::to_string(max) + ")";
}

}  // namespace sieve::ext
