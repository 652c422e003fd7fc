#include "sieve-lang/signature_check.h"

#include "sieve-lang/address_part.h"
#include "sieve-lang/match_type.h"

namespace sieve {

std::optional<TagSpec> FindTagSpec(const std::vector<const Extension*>& loaded,
                                   const CommandDef& def, std::string_view tag) {
  for (const TagSpec& spec : def.signature.tags) {
    if (spec.name == tag) return spec;
  }
  for (const Extension* ext : loaded) {
    for (const ExternalTag& ext_tag : ext->external_tags) {
      if (ext_tag.command == def.name && ext_tag.tag.name == tag) return ext_tag.tag;
    }
    if (def.signature.match_tags) {
      if (tag == "comparator") return TagSpec{"comparator", ArgType::kString, "comparator", 0};
      for (const MatchType* mt : ext->match_types) {
        if (mt->name() == tag) {
          std::optional<ArgType> param;
          if (mt->HasParam()) param = ArgType::kString;
          return TagSpec{mt->name(), param, "relational match", -1};
        }
      }
    }
    if (def.signature.address_part_tags) {
      for (const AddressPart* ap : ext->address_parts) {
        if (ap->name() == tag) return TagSpec{ap->name(), std::nullopt, {}, -2};
      }
    }
  }
  return std::nullopt;
}

bool ArgTypeFits(ArgType wanted, ArgType actual) {
  return wanted == actual || (wanted == ArgType::kStringList && actual == ArgType::kString);
}

std::optional<std::string> CheckOperands(const std::vector<const Extension*>& loaded,
                                         const CommandDef& def, const Operands& ops) {
  const Signature& sig = def.signature;
  bool runnable = def.kind == CommandKind::kTest ? def.evaluate != nullptr : def.execute != nullptr;
  if (!runnable) return std::string(def.name) + " cannot be invoked directly";
  size_t have = ops.positional.size();
  if (have > sig.positional.size() ||
      have + sig.optional_leading + sig.optional_trailing < sig.positional.size()) {
    return std::string(def.name) + " has " + std::to_string(have) +
           " positional arguments instead of " + std::to_string(sig.positional.size());
  }
  size_t skip = sig.optional_trailing > 0 ? 0 : sig.positional.size() - have;
  for (size_t i = 0; i < have; ++i) {
    if (!ArgTypeFits(sig.positional[skip + i].type, ops.positional[i].type)) {
      return std::string(def.name) + " argument " + std::to_string(skip + i + 1) + " is not " +
             ArgTypeName(sig.positional[skip + i].type);
    }
  }
  for (const TagValue& tag : ops.tags) {
    std::optional<TagSpec> spec = FindTagSpec(loaded, def, tag.name);
    if (!spec) return std::string(def.name) + " has unknown tag :" + tag.name;
    bool fits = spec->param ? tag.value && ArgTypeFits(*spec->param, tag.value->type)
                            : !tag.value.has_value();
    if (!fits) return "tag :" + tag.name + " of " + std::string(def.name) + " has a bad parameter";
  }
  return std::nullopt;
}

}  // namespace sieve
