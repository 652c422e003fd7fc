// Argument values as the validator, code generator, loader and interpreter all see them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sieve {

class Comparator;
class MatchType;
class AddressPart;

enum class ArgType { kString, kStringList, kNumber };

const char* ArgTypeName(ArgType type);  // "a string", "a string list", "a number"

struct Value {
  ArgType type = ArgType::kString;
  std::vector<std::string> strings;  // kString: one element; kStringList: any
  uint64_t number = 0;

  const std::string& str() const { return strings.front(); }
};

struct TagValue {
  std::string name;            // without ':'
  std::optional<Value> value;  // the tag's parameter, when its spec has one
};

// One command's or test's arguments: positional values, tags in source order, and the
// comparator / match type / address part they select (resolved when the signature allows them).
struct Operands {
  std::vector<Value> positional;
  std::vector<TagValue> tags;
  const Comparator* comparator = nullptr;
  const MatchType* match_type = nullptr;
  std::string match_param;  // e.g. the relation of :count/:value (later extensions)
  const AddressPart* address_part = nullptr;

  bool HasTag(std::string_view name) const { return FindTag(name) != nullptr; }
  const TagValue* FindTag(std::string_view name) const;
};

}  // namespace sieve
