#include "config/internal/line_parser.h"

#include "base/strings.h"
#include "config/limits.h"

namespace config::internal {
namespace {

using Error = std::unexpected<std::string>;

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && base::IsAsciiSpace(s.front())) s.remove_prefix(1);
  return s;
}

// Cuts a physical line at the first `#` outside quotes. Like Dovecot, `#` inside an unquoted
// value still starts a comment; a value that needs one must be quoted.
std::string_view StripComment(std::string_view s) {
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote == '"' && c == '\\') {
      ++i;  // the escaped character cannot close the quote
    } else if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#') {
      return s.substr(0, i);
    }
  }
  return s;
}

struct Quoted {
  std::string text;
  size_t consumed = 0;  // including both quotes
};

char Unescape(char c) {
  switch (c) {
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    default:
      return c;
  }
}

// Reads the quoted string at the start of `s`. Double quotes take backslash escapes;
// single quotes are literal, so regexes and Windows-ish paths survive untouched.
std::expected<Quoted, std::string> ReadQuoted(std::string_view s) {
  const char quote = s.front();
  Quoted out;
  for (size_t i = 1; i < s.size(); ++i) {
    char c = s[i];
    if (c == quote) {
      out.consumed = i + 1;
      return out;
    }
    if (quote == '"' && c == '\\' && i + 1 < s.size()) c = Unescape(s[++i]);
    out.text.push_back(c);
  }
  return Error(std::string("Missing closing ") + quote);
}

bool IsQuote(char c) { return c == '"' || c == '\''; }

// A whole value or path: quoted (nothing may follow the closing quote) or taken as is.
std::expected<Quoted, std::string> ReadWholeValue(std::string_view s) {
  if (s.empty() || !IsQuote(s.front())) return Quoted{std::string(s), s.size()};
  auto quoted = ReadQuoted(s);
  if (!quoted) return quoted;
  if (!base::TrimWhitespace(s.substr(quoted->consumed)).empty()) {
    return Error("Garbage after quoted value");
  }
  return quoted;
}

std::expected<ParsedLine, std::string> ParseDirective(std::string_view s) {
  size_t end = 0;
  while (end < s.size() && !base::IsAsciiSpace(s[end])) ++end;
  std::string_view word = s.substr(0, end);
  ParsedLine out;
  if (word == "!include") {
    out.kind = LineKind::kInclude;
  } else if (word == "!include_try") {
    out.kind = LineKind::kIncludeTry;
  } else {
    return Error("Unknown directive '" + std::string(word) + "'");
  }
  std::string_view arg = TrimLeft(s.substr(end));
  if (arg.empty()) return Error("Expecting file name after " + std::string(word));
  auto pattern = ReadWholeValue(arg);
  if (!pattern) return Error(pattern.error());
  out.value = std::move(pattern->text);
  return out;
}

std::expected<ParsedLine, std::string> ParseValue(std::string_view key, std::string_view v) {
  ParsedLine out{.kind = LineKind::kKeyValue, .key = std::string(key)};
  if (!v.empty() && v.front() == '<') {
    out.kind = LineKind::kKeyFile;
    v = TrimLeft(v.substr(1));
    if (v.empty()) return Error("Expecting file name after '<'");
  }
  auto value = ReadWholeValue(v);
  if (!value) return Error(value.error());
  out.quoted = !v.empty() && IsQuote(v.front());
  out.value = std::move(value->text);
  return out;
}

std::expected<ParsedLine, std::string> SectionBegin(std::string_view type, std::string name,
                                                    std::string_view after_brace) {
  // Dovecot is line-oriented: `{` ends the line, so `a { b = c }` is rejected, not guessed.
  if (!base::TrimWhitespace(after_brace).empty()) return Error("Garbage after '{'");
  return ParsedLine{
      .kind = LineKind::kSectionBegin, .key = std::string(type), .value = std::move(name)};
}

std::expected<ParsedLine, std::string> ParseNamedSection(std::string_view type,
                                                         std::string_view rest) {
  std::string name;
  if (IsQuote(rest.front())) {
    auto quoted = ReadQuoted(rest);
    if (!quoted) return Error(quoted.error());
    name = std::move(quoted->text);
    rest = rest.substr(quoted->consumed);
  } else {
    size_t end = 0;
    while (end < rest.size() && !base::IsAsciiSpace(rest[end]) && rest[end] != '{') ++end;
    name = std::string(rest.substr(0, end));
    rest = rest.substr(end);
  }
  rest = TrimLeft(rest);
  // `ssl_cert /path` is far more often a forgotten '=' than a section without '{'.
  if (rest.empty()) return Error("Expecting '='");
  if (rest.front() != '{') return Error("Expecting '{'");
  return SectionBegin(type, std::move(name), rest.substr(1));
}

}  // namespace

std::expected<std::vector<RawLine>, LineError> SplitLines(std::string_view text) {
  std::vector<RawLine> out;
  std::string pending;
  int start_line = 0;
  bool continuing = false;
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view s = base::TrimWhitespace(StripComment(text.substr(pos, nl - pos)));
    pos = nl + 1;
    ++line_no;
    if (!continuing) start_line = line_no;
    // Blank and comment lines neither end nor extend a continuation, as in Dovecot.
    if (s.empty()) continue;
    continuing = s.back() == '\\';
    if (continuing) s.remove_suffix(1);
    if (pending.size() + s.size() > kMaxLineLength) {
      return std::unexpected(LineError{
          start_line, "Line too long (limit " + std::to_string(kMaxLineLength) + " bytes)"});
    }
    pending.append(s);
    if (continuing) continue;
    out.push_back(RawLine{std::move(pending), start_line});
    pending.clear();
  }
  if (!pending.empty()) out.push_back(RawLine{std::move(pending), start_line});
  return out;
}

std::expected<ParsedLine, std::string> ParseLine(std::string_view s) {
  s = base::TrimWhitespace(s);
  if (s.empty()) return Error("Empty line");
  if (s.front() == '!') return ParseDirective(s);
  if (s == "}") return ParsedLine{.kind = LineKind::kSectionEnd};
  size_t end = 0;
  while (end < s.size() && !base::IsAsciiSpace(s[end]) && s[end] != '=' && s[end] != '{') ++end;
  std::string_view key = s.substr(0, end);
  std::string_view rest = TrimLeft(s.substr(end));
  if (key.empty()) {
    return Error(s.front() == '{' ? "Expecting section type before '{'"
                                  : "Expecting key before '='");
  }
  if (rest.empty()) return Error("Expecting '='");
  if (rest.front() == '=') return ParseValue(key, base::TrimWhitespace(rest.substr(1)));
  if (rest.front() == '{') return SectionBegin(key, "", rest.substr(1));
  return ParseNamedSection(key, rest);
}

}  // namespace config::internal
