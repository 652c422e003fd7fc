#include "mail/internal/content_type.h"
#include "mail/internal/param_continuations.h"

#include <cstring>

#include "base/strings.h"

namespace mail::internal {
namespace {

// RFC 2045 §5.1 token: CHAR except SPACE, CTLs and tspecials.
bool IsTokenChar(char c) {
  if (c <= ' ' || static_cast<unsigned char>(c) >= 0x7f) return false;
  return std::strchr("()<>@,;:\\\"/[]?=", c) == nullptr;
}

// Skips whitespace and (nested) comments.
size_t SkipCfws(std::string_view s, size_t i) {
  while (i < s.size()) {
    if (base::IsAsciiSpace(s[i])) {
      ++i;
    } else if (s[i] == '(') {
      int depth = 0;
      for (; i < s.size(); ++i) {
        if (s[i] == '\\') {
          ++i;
        } else if (s[i] == '(') {
          ++depth;
        } else if (s[i] == ')' && --depth == 0) {
          ++i;
          break;
        }
      }
    } else {
      break;
    }
  }
  return i;
}

std::string_view ReadToken(std::string_view s, size_t& i) {
  size_t start = i;
  while (i < s.size() && IsTokenChar(s[i])) ++i;
  return s.substr(start, i - start);
}

// A parameter value: quoted-string (unescaped) or a lenient unquoted run.
std::string ReadValue(std::string_view s, size_t& i) {
  std::string value;
  if (i < s.size() && s[i] == '"') {
    for (++i; i < s.size() && s[i] != '"'; ++i) {
      if (s[i] == '\\' && i + 1 < s.size()) ++i;
      value.push_back(s[i]);
    }
    if (i < s.size()) ++i;  // closing quote; an unterminated one takes the rest
    return value;
  }
  size_t start = i;
  while (i < s.size() && s[i] != ';' && !base::IsAsciiSpace(s[i])) ++i;
  return std::string(s.substr(start, i - start));
}

void ParseParams(std::string_view s, size_t i, ContentType& ct) {
  while (i < s.size()) {
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos) return;
    i = SkipCfws(s, semi + 1);
    std::string_view name = ReadToken(s, i);
    i = SkipCfws(s, i);
    if (name.empty() || i >= s.size() || s[i] != '=') continue;  // junk: try the next ';'
    i = SkipCfws(s, i + 1);
    std::string value = ReadValue(s, i);
    ct.params.emplace_back(base::AsciiToLower(name), std::move(value));
  }
  JoinExtendedParams(ct.params);
}

}  // namespace

ContentType ParseContentType(std::string_view value) {
  ContentType ct;
  size_t i = SkipCfws(value, 0);
  std::string_view type = ReadToken(value, i);
  i = SkipCfws(value, i);
  if (type.empty() || i >= value.size() || value[i] != '/') return ct;
  i = SkipCfws(value, i + 1);
  std::string_view subtype = ReadToken(value, i);
  if (subtype.empty()) return ct;
  ct.valid = true;
  ct.type = base::AsciiToLower(type);
  ct.subtype = base::AsciiToLower(subtype);
  ParseParams(value, i, ct);
  return ct;
}

ContentType ParseStructuredValue(std::string_view value) {
  ContentType ct;
  size_t i = SkipCfws(value, 0);
  ct.type = base::AsciiToLower(ReadToken(value, i));
  i = SkipCfws(value, i);
  if (i < value.size() && value[i] == '/') {
    i = SkipCfws(value, i + 1);
    ct.subtype = base::AsciiToLower(ReadToken(value, i));
  }
  ct.valid = !ct.type.empty();
  ParseParams(value, i, ct);
  return ct;
}

std::string ParseTransferEncoding(std::string_view value) {
  size_t i = SkipCfws(value, 0);
  return base::AsciiToLower(ReadToken(value, i));
}

}  // namespace mail::internal
