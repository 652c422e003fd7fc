#include "sieve-lang/variable_ref.h"

#include <algorithm>

#include "base/strings.h"

namespace sieve {
namespace {

bool IsIdentifier(std::string_view s) {
  if (s.empty() || !(base::IsAsciiAlpha(s[0]) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return base::IsAsciiAlpha(c) || base::IsAsciiDigit(c) || c == '_';
  });
}

// num-variable, or identifiers joined by '.' (namespaces may nest).
bool IsReference(std::string_view ref) {
  if (ref.empty()) return false;
  if (std::all_of(ref.begin(), ref.end(), base::IsAsciiDigit)) return true;
  for (std::string_view part : base::SplitString(ref, '.')) {
    if (!IsIdentifier(part)) return false;
  }
  return true;
}

}  // namespace

std::optional<VariableRef> FindVariableRef(std::string_view text, size_t from) {
  while (true) {
    size_t start = text.find("${", from);
    if (start == std::string_view::npos) return std::nullopt;
    size_t close = text.find('}', start + 2);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view name = text.substr(start + 2, close - start - 2);
    if (!IsReference(name)) {
      from = start + 2;
      continue;
    }
    VariableRef ref{.begin = start, .end = close + 1, .name = name};
    if (base::IsAsciiDigit(name[0])) {
      ref.numeric = true;
      // Extra leading zeroes are allowed; huge indexes are simply out of range.
      for (char c : name) ref.index = std::min<size_t>(ref.index * 10 + (c - '0'), 1000);
    }
    return ref;
  }
}

}  // namespace sieve
