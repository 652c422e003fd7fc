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
  return "line " + std::to_string(d.location.line) + ": " + SeverityName(d.severity) + ": " +
         d.message;
}

}  // namespace sieve
