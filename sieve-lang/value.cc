#include "sieve-lang/value.h"

namespace sieve {

const char* ArgTypeName(ArgType type) {
  switch (type) {
    case ArgType::kString: return "a string";
    case ArgType::kStringList: return "a string list";
    case ArgType::kNumber: return "a number";
  }
  return "?";
}

const TagValue* Operands::FindTag(std::string_view name) const {
  for (const TagValue& tag : tags) {
    if (tag.name == name) return &tag;
  }
  return nullptr;
}

}  // namespace sieve
