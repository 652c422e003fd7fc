#include "sieve-lang/diagnostic.h"

#include <string>

namespace sieve {
namespace {

const char* SeverityName(Diagnostic::Severity s) {
  return s == Diagnostic::Severity::kError ? "error" : "warning";
}

}  // namespace

std::string FormatShort(const Diagnostic& d) {
  return std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + ": " +
         SeverityName(d.severity) + ": " + d.message;
}

std::string FormatPigeonhole(const Diagnostic& d) {
  std::string out = d.location.line == 0 ? "" : "line " + std::to_string(d.location.line) + ": ";
  out += std::string(SeverityName(d.severity)) + ": " + d.message;
  // Pigeonhole ends every message with a full stop.
  if (!out.ends_with('.') && !out.ends_with('?') && !out.ends_with('!')) out += '.';
  return out;
}

}  // namespace sieve
