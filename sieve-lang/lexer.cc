// Sieve lexer: RFC 5228 §8.1 (lexical tokens) and §2.4 (literal data).
#include "sieve-lang/lexer.h"

#include <cstdio>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <utility>

namespace sieve {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsIdentStart(char c) { return IsAlpha(c) || c == '_'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || IsDigit(c); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }

// "'@'" for printable ASCII, "0x01" otherwise, so messages stay one readable line.
std::string DescribeByte(char c) {
  auto u = static_cast<unsigned char>(c);
  if (u > 0x20 && u < 0x7f) return std::string("'") + c + "'";
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", u);
  return buf;
}

// Power-of-two multiplier for a K/M/G quantifier (RFC 5228 §2.4.1), 0 if `c` is none.
uint64_t QuantifierShift(char c) {
  switch (Lower(c)) {
    case 'k':
      return 10;
    case 'm':
      return 20;
    case 'g':
      return 30;
    default:
      return 0;
  }
}

std::optional<Token::Kind> PunctuationKind(char c) {
  switch (c) {
    case '[':
      return Token::Kind::kLeftBracket;
    case ']':
      return Token::Kind::kRightBracket;
    case '(':
      return Token::Kind::kLeftParen;
    case ')':
      return Token::Kind::kRightParen;
    case '{':
      return Token::Kind::kLeftBrace;
    case '}':
      return Token::Kind::kRightBrace;
    case ',':
      return Token::Kind::kComma;
    case ';':
      return Token::Kind::kSemicolon;
    default:
      return std::nullopt;
  }
}

Token MakeToken(Token::Kind kind, SourceLocation at) {
  Token t;
  t.kind = kind;
  t.location = at;
  return t;
}

}  // namespace

Lexer::Lexer(std::string_view source, const Limits& limits, Diagnostics* diagnostics)
    : source_(source), limits_(limits), diagnostics_(diagnostics) {}

void Lexer::SkipTo(size_t end) {
  while (pos_ < end) {
    const void* nl = std::memchr(source_.data() + pos_, '\n', end - pos_);
    if (nl == nullptr) {
      Skip(end - pos_);
      return;
    }
    pos_ = static_cast<size_t>(static_cast<const char*>(nl) - source_.data()) + 1;
    ++line_;
    column_ = 1;
  }
}

void Lexer::Error(SourceLocation at, std::string message) {
  diagnostics_->push_back({Diagnostic::Severity::kError, at, std::move(message)});
}

Token Lexer::ErrorToken(SourceLocation at) { return MakeToken(Token::Kind::kError, at); }

Token Lexer::Next() {
  if (SourceLocation comment; !SkipWhitespaceAndComments(&comment)) return ErrorToken(comment);
  if (AtEnd()) return MakeToken(Token::Kind::kEnd, Here());
  const SourceLocation at = Here();
  const char c = Peek();
  if (const std::optional<Token::Kind> punct = PunctuationKind(c)) {
    Skip(1);
    return MakeToken(*punct, at);
  }
  if (c == '"') return LexQuotedString();
  if (c == ':') return LexTag();
  if (IsIdentStart(c)) return LexIdentifierOrText();
  if (IsDigit(c)) return LexNumber();
  return LexUnexpected();
}

// RFC 5228 §2.2/§2.3: whitespace is SP, HTAB and line ends; comments count as whitespace.
// A lone CR or LF is accepted as a line end too (scripts edited on Unix use bare LF).
bool Lexer::SkipWhitespaceAndComments(SourceLocation* bad_comment) {
  while (!AtEnd()) {
    const char c = Peek();
    if (c == ' ' || c == '\t' || c == '\r') {
      Skip(1);
    } else if (c == '\n') {
      SkipTo(pos_ + 1);
    } else if (c == '#') {
      SkipHashComment();
    } else if (c == '/' && Peek(1) == '*') {
      *bad_comment = Here();
      if (!SkipBracketComment()) return false;
    } else {
      break;
    }
  }
  return true;
}

// hash-comment = "#" *octet-not-crlf CRLF; end of script also ends it.
void Lexer::SkipHashComment() {
  const void* nl = std::memchr(source_.data() + pos_, '\n', source_.size() - pos_);
  SkipTo(nl == nullptr ? source_.size()
                       : static_cast<size_t>(static_cast<const char*>(nl) - source_.data()) + 1);
}

// bracket-comment: "/*" ... "*/", not nested (RFC 5228 §2.3).
bool Lexer::SkipBracketComment() {
  const SourceLocation at = Here();
  const size_t close = source_.find("*/", pos_ + 2);
  if (close == std::string_view::npos) {
    Error(at, "unterminated comment");
    SkipTo(source_.size());
    return false;
  }
  SkipTo(close + 2);
  return true;
}

std::string Lexer::ScanIdentifier() {
  size_t end = pos_ + 1;
  while (end < source_.size() && IsIdentChar(source_[end])) ++end;
  std::string name(source_.substr(pos_, end - pos_));
  for (char& ch : name) ch = Lower(ch);
  Skip(end - pos_);
  return name;
}

// identifier = (ALPHA / "_") *(ALPHA / DIGIT / "_"), case-insensitive (RFC 5228 §8.1).
Token Lexer::LexIdentifierOrText() {
  Token t = MakeToken(Token::Kind::kIdentifier, Here());
  t.text = ScanIdentifier();
  // multi-line = "text:" ... (RFC 5228 §8.1); ABNF literals are case-insensitive.
  if (t.text == "text" && Peek() == ':') {
    Skip(1);
    return LexMultiLine(t.location);
  }
  return t;
}

// tag = ":" identifier
Token Lexer::LexTag() {
  const SourceLocation at = Here();
  Skip(1);
  if (!IsIdentStart(Peek())) {
    Error(at, "expected a tag name after ':'");
    return ErrorToken(at);
  }
  Token t = MakeToken(Token::Kind::kTag, at);
  t.text = ScanIdentifier();
  return t;
}

// number = 1*DIGIT [ QUANTIFIER ] (RFC 5228 §2.4.1). Values beyond uint64 are an error
// rather than silently wrapping.
Token Lexer::LexNumber() {
  const SourceLocation at = Here();
  constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();
  uint64_t value = 0;
  bool overflow = false;
  while (!AtEnd() && IsDigit(Peek())) {
    const uint64_t digit = static_cast<uint64_t>(Peek() - '0');
    if (value > (kMax - digit) / 10) overflow = true;
    value = value * 10 + digit;
    Skip(1);
  }
  if (const uint64_t shift = AtEnd() ? 0 : QuantifierShift(Peek()); shift != 0) {
    if (value > (kMax >> shift)) overflow = true;
    value <<= shift;
    Skip(1);
  }
  if (overflow) {
    Error(at, "number too large");
    return ErrorToken(at);
  }
  Token t = MakeToken(Token::Kind::kNumber, at);
  t.number = value;
  return t;
}

// quoted-string (RFC 5228 §2.4.2): only \" and \\ are escapes; any other "\x" means "x".
// Line ends inside are kept as written.
Token Lexer::LexQuotedString() {
  const SourceLocation at = Here();
  const size_t begin = pos_ + 1;
  size_t end = begin;
  while (end < source_.size() && source_[end] != '"') end += source_[end] == '\\' ? 2 : 1;
  if (end >= source_.size()) {
    // Reported where the file ends, naming where the string began, as Pigeonhole does.
    SkipTo(source_.size());
    Error(Here(), "end of file before end of quoted string started at line " +
                      std::to_string(at.line));
    return ErrorToken(at);
  }
  const std::string_view raw = source_.substr(begin, end - begin);
  SkipTo(end + 1);
  // RFC 5228 §2.4.2: an unencoded NUL is not allowed in strings.
  if (raw.find('\0') != std::string_view::npos) {
    Error(at, "NUL character not allowed in string");
    return ErrorToken(at);
  }
  Token t = MakeToken(Token::Kind::kString, at);
  t.text.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\\') ++i;  // the scan above guarantees a following byte
    t.text.push_back(raw[i]);
  }
  if (t.text.size() > limits_.max_string_length) {
    Error(at, "string too long");
    return ErrorToken(at);
  }
  return t;
}

// Called just after "text:". RFC 5228 §8.1: *(SP / HTAB) (hash-comment / CRLF), then lines
// up to a line holding only ".". A leading ".." loses one dot (dot-unstuffing, §2.4.2).
// Each line end in the value is stored as CRLF whatever the script used.
Token Lexer::LexMultiLine(SourceLocation start) {
  while (Peek() == ' ' || Peek() == '\t') Skip(1);
  if (AtEnd()) {
    Error(start, "unterminated multi-line string");
    return ErrorToken(start);
  }
  bool bad = false;
  if (Peek() != '#' && Peek() != '\n' && !(Peek() == '\r' && Peek(1) == '\n')) {
    Error(Here(),
          "unexpected character " + DescribeByte(Peek()) + " after 'text:'; expected end of line");
    bad = true;  // treat the rest of the line as a comment so one mistake is one message
  }
  SkipHashComment();  // also consumes a bare line end
  Token t = MakeToken(Token::Kind::kString, start);
  bool too_long = false;
  bool nul = false;
  while (true) {
    if (AtEnd()) {
      Error(start, "unterminated multi-line string");
      return ErrorToken(start);
    }
    const char* data = source_.data();
    const void* nl = std::memchr(data + pos_, '\n', source_.size() - pos_);
    const size_t line_end =
        nl ? static_cast<size_t>(static_cast<const char*>(nl) - data) : source_.size();
    std::string_view line = source_.substr(pos_, line_end - pos_);
    if (nl != nullptr && !line.empty() && line.back() == '\r') line.remove_suffix(1);
    SkipTo(nl ? line_end + 1 : line_end);
    if (line == ".") break;  // terminator; end of script right after it is tolerated
    if (nl == nullptr) {
      Error(start, "unterminated multi-line string");
      return ErrorToken(start);
    }
    if (line.find('\0') != std::string_view::npos) nul = true;
    if (line.starts_with("..")) line.remove_prefix(1);
    if (too_long || t.text.size() + line.size() + 2 > limits_.max_string_length) {
      too_long = true;  // keep scanning to the terminator so lexing resumes after it
      continue;
    }
    t.text.append(line);
    t.text.append("\r\n");
  }
  // RFC 5228 §2.4.2: an unencoded NUL is not allowed in strings.
  if (nul) Error(start, "NUL character not allowed in string");
  if (too_long) Error(start, "string too long");
  if (too_long || bad || nul) return ErrorToken(start);
  return t;
}

// Anything else is an error. A UTF-8 sequence counts as one character so that a stray
// non-ASCII letter yields one message, not one per byte.
Token Lexer::LexUnexpected() {
  const SourceLocation at = Here();
  const char c = Peek();
  size_t n = 1;
  if (static_cast<unsigned char>(c) >= 0xC0) {
    while (n < 4 && (static_cast<unsigned char>(Peek(n)) & 0xC0) == 0x80) ++n;
  }
  Skip(n);
  Error(at, "unexpected character " + DescribeByte(c));
  return ErrorToken(at);
}

const char* TokenKindName(Token::Kind kind) {
  switch (kind) {
    case Token::Kind::kIdentifier:
      return "identifier";
    case Token::Kind::kTag:
      return "tag";
    case Token::Kind::kNumber:
      return "number";
    case Token::Kind::kString:
      return "string";
    case Token::Kind::kLeftBracket:
      return "'['";
    case Token::Kind::kRightBracket:
      return "']'";
    case Token::Kind::kLeftParen:
      return "'('";
    case Token::Kind::kRightParen:
      return "')'";
    case Token::Kind::kLeftBrace:
      return "'{'";
    case Token::Kind::kRightBrace:
      return "'}'";
    case Token::Kind::kComma:
      return "','";
    case Token::Kind::kSemicolon:
      return "';'";
    case Token::Kind::kEnd:
      return "end of script";
    case Token::Kind::kError:
      return "invalid token";
  }
  return "token";
}

}  // namespace sieve
