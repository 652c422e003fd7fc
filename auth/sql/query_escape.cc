#include "auth/sql/query_escape_internal.h"

namespace auth::sql {
namespace {

// Stand-ins that no modifier but a cut or a reversal changes (L and U leave control
// characters alone; M, H and X turn the whole value into hex, which is safe).
constexpr char kPlain = '\x1a';        // a character that needed no escaping
constexpr char kEscapeFirst = '\x1b';  // the backslash of "\'" (or the first ' of "''")
constexpr char kEscapeSecond = '\x1c';

// The shape of an escaped value: every two-byte escape sequence becomes first/second.
std::string Shape(std::string_view escaped) {
  std::string shape;
  shape.reserve(escaped.size());
  for (size_t i = 0; i < escaped.size(); ++i) {
    bool pair = i + 1 < escaped.size() &&
                (escaped[i] == '\\' || (escaped[i] == '\'' && escaped[i + 1] == '\''));
    if (pair) {
      shape += kEscapeFirst;
      shape += kEscapeSecond;
      ++i;
    } else {
      shape += kPlain;
    }
  }
  return shape;
}

// True when every escape sequence in the expanded shape is still whole and in order.
bool EscapesIntact(std::string_view expanded_shape) {
  for (size_t i = 0; i < expanded_shape.size(); ++i) {
    char c = expanded_shape[i];
    if (c == kEscapeFirst) {
      if (i + 1 == expanded_shape.size() || expanded_shape[i + 1] != kEscapeSecond) return false;
      ++i;
    } else if (c == kEscapeSecond) {
      return false;
    }
  }
  return true;
}

}  // namespace

base::Result<std::string> ExpandEscaped(std::string_view query, const config::VarValues& vars,
                                        const EscapeFn& escape) {
  config::VarValues escaped, shapes;
  bool any_escape = false;
  for (const auto& [name, value] : vars.values) {
    std::string e = escape(value);
    std::string shape = Shape(e);
    any_escape |= shape.find(kEscapeFirst) != std::string::npos;
    shapes.values.emplace(name, std::move(shape));
    escaped.values.emplace(name, std::move(e));
  }
  auto expanded = config::ExpandVariables(query, escaped);
  if (!expanded || !any_escape) return expanded;
  // The same template over the shapes shows what the modifiers did to each escape sequence.
  // Should it fail where the real values did not (X wants digits), fail closed.
  auto shape = config::ExpandVariables(query, shapes);
  if (!shape || !EscapesIntact(*shape)) {
    return base::Err(
        base::Status::InvalidArgument("a width, offset or R modifier in '" + std::string(query) +
                                      "' would cut an escaped value; not sending the query"));
  }
  return expanded;
}

}  // namespace auth::sql
