// The line grammar of Dovecot configuration files, free of I/O and of section state:
// text -> logical lines (comments stripped, continuations joined) -> one ParsedLine each.
#pragma once

#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace config::internal {

// A non-empty logical line: comment removed, whitespace trimmed, `\` continuations joined.
struct RawLine {
  std::string text;
  int line = 0;  // physical line where it started
};

struct LineError {
  int line = 0;
  std::string message;
};

// Splits a file into logical lines. Fails only on a line longer than kMaxLineLength.
std::expected<std::vector<RawLine>, LineError> SplitLines(std::string_view text);

enum class LineKind {
  kKeyValue,      // key = value
  kKeyFile,       // key = <path
  kSectionBegin,  // type [name] {
  kSectionEnd,    // }
  kInclude,       // !include pattern
  kIncludeTry,    // !include_try pattern
};

struct ParsedLine {
  LineKind kind = LineKind::kKeyValue;
  std::string key;      // setting key or section type
  std::string value;    // value, `<` path, section name or include pattern (unquoted)
  bool quoted = false;  // the value was quoted, so `$var` is not expanded
};

// Classifies one logical line. On failure returns a Dovecot-style message ("Expecting '='").
std::expected<ParsedLine, std::string> ParseLine(std::string_view line);

}  // namespace config::internal
