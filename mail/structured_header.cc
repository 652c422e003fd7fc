#include "mail/structured_header.h"

#include "base/strings.h"

namespace mail {
namespace {

// Splits at ';' outside double quotes.
std::vector<std::string_view> SplitParams(std::string_view value) {
  std::vector<std::string_view> out;
  bool quoted = false;
  size_t start = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && quoted) {
      ++i;
    } else if (value[i] == '"') {
      quoted = !quoted;
    } else if (value[i] == ';' && !quoted) {
      out.push_back(value.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(value.substr(start));
  return out;
}

std::string Unquote(std::string_view v) {
  v = base::TrimWhitespace(v);
  if (v.size() < 2 || v.front() != '"' || v.back() != '"') return std::string(v);
  std::string out;
  for (size_t i = 1; i + 1 < v.size(); ++i) {
    if (v[i] == '\\' && i + 2 < v.size()) ++i;
    out += v[i];
  }
  return out;
}

}  // namespace

StructuredHeader ParseStructuredHeader(std::string_view value) {
  StructuredHeader out;
  std::vector<std::string_view> pieces = SplitParams(value);
  std::string_view head = base::TrimWhitespace(pieces.front());
  size_t slash = head.find('/');
  out.type = base::AsciiToLower(base::TrimWhitespace(head.substr(0, slash)));
  if (slash != std::string_view::npos) {
    out.subtype = base::AsciiToLower(base::TrimWhitespace(head.substr(slash + 1)));
  }
  for (size_t i = 1; i < pieces.size(); ++i) {
    size_t eq = pieces[i].find('=');
    if (eq == std::string_view::npos) continue;
    std::string name = base::AsciiToLower(base::TrimWhitespace(pieces[i].substr(0, eq)));
    if (name.empty()) continue;
    out.params.emplace_back(std::move(name), Unquote(pieces[i].substr(eq + 1)));
  }
  return out;
}

}  // namespace mail
