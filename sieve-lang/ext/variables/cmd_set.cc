// RFC 5229 §4 set [MODIFIER...] <name> <value>: assigns a variable. Modifiers apply in
// precedence order (40 :lower/:upper, 30 :lowerfirst/:upperfirst, 20 :quotewildcard,
// 15 :encodeurl from enotify (RFC 5435 §6), 10 :length); two of the same precedence are an
// error.
#include "base/strings.h"
#include "sieve-lang/ext/enotify/mailto.h"
#include "sieve-lang/ext/variables/variables.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"

namespace sieve::ext {
namespace {

// Modifier tags, highest precedence first: the order they are applied in.
constexpr std::string_view kModifiers[] = {"lower",         "upper",     "lowerfirst", "upperfirst",
                                           "quotewildcard", "encodeurl", "length"};

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  return n;
}

std::string Apply(std::string_view modifier, std::string value, size_t max_size) {
  if (modifier == "lower") return base::AsciiToLower(value);
  if (modifier == "upper") {
    for (char& c : value) c = base::AsciiUpper(c);
    return value;
  }
  if (modifier == "lowerfirst") {
    if (!value.empty()) value[0] = base::AsciiLower(value[0]);
    return value;
  }
  if (modifier == "upperfirst") {
    if (!value.empty()) value[0] = base::AsciiUpper(value[0]);
    return value;
  }
  if (modifier == "quotewildcard") {
    std::string out;
    for (char c : value) {
      if (c == '*' || c == '?' || c == '\\') out += '\\';
      out += c;
    }
    return out;
  }
  // Encoded whole characters only: truncating afterwards could cut a "%XX" apart.
  if (modifier == "encodeurl") return EncodeUrl(value, max_size);
  if (modifier == "length") return std::to_string(Utf8Length(value));
  return value;
}

bool Validate(ValidationContext& ctx, Node& node) {
  return ValidateAssignedName(ctx, node, node.operands.positional[0].str());
}

ExecStatus Execute(Runtime& rt, const Operands& ops) {
  return rt.SetVariable(ops.positional[0].str(),
                        ApplyModifiers(ops, ops.positional[1].str(),
                                       rt.limits().max_variable_size));
}

}  // namespace

bool ValidateAssignedName(ValidationContext& ctx, const Node& node, std::string_view name) {
  std::optional<std::string> error = CheckVariableName(ctx, name);
  if (!error) error = DeclareVariable(ctx, name);
  if (error) {
    ctx.Error(node.location, *error);
    return false;
  }
  return true;
}

std::string ApplyModifiers(const Operands& ops, std::string value, size_t max_size) {
  for (std::string_view modifier : kModifiers) {
    if (ops.HasTag(modifier)) value = Apply(modifier, std::move(value), max_size);
  }
  return value;
}

const std::vector<TagSpec>& ModifierTags() {
  static const std::vector<TagSpec> tags{{"lower", std::nullopt, {}, 1},
                                         {"upper", std::nullopt, {}, 1},
                                         {"lowerfirst", std::nullopt, {}, 2},
                                         {"upperfirst", std::nullopt, {}, 2},
                                         {"quotewildcard", std::nullopt, {}, 0},
                                         {"length", std::nullopt, {}, 0}};
  return tags;
}

bool IsVariableIdentifier(std::string_view name) {
  if (name.empty() || !(base::IsAsciiAlpha(name[0]) || name[0] == '_')) return false;
  for (char c : name) {
    if (!(base::IsAsciiAlpha(c) || base::IsAsciiDigit(c) || c == '_')) return false;
  }
  return true;
}

const CommandDef& SetCommand() {
  static const CommandDef def{
      .name = "set",
      .signature = {.positional = {{"name", ArgType::kString}, {"value", ArgType::kString}},
                    .tags = ModifierTags()},
      .validate = Validate,
      .execute = Execute,
  };
  return def;
}

}  // namespace sieve::ext
