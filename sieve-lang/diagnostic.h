// Script problems are data (design.md §2.5): every compile collects all of them.
#pragma once

#include <string>
#include <vector>

namespace sieve {

struct SourceLocation {
  int line = 0;    // 1-based; 0 means "no location" (e.g. whole-script problems)
  int column = 0;  // 1-based byte column
  bool operator==(const SourceLocation&) const = default;
};

struct Diagnostic {
  enum class Severity { kError, kWarning };
  Severity severity = Severity::kError;
  SourceLocation location;
  std::string message;
  // The included script the problem is in (include, RFC 6609); empty for the script compiled.
  std::string script;
  bool operator==(const Diagnostic&) const = default;
};

using Diagnostics = std::vector<Diagnostic>;

// "line:col: error: message" — the compact form used by golden tables.
std::string FormatShort(const Diagnostic& d);
// Pigeonhole's form: "<script>: line N: error: message." is produced by the tools; this
// returns "line N: error: message." (without the script name; a diagnostic of no particular
// line, such as "validation failed", without the line part).
std::string FormatPigeonhole(const Diagnostic& d);

}  // namespace sieve
