// Sieve tokens (RFC 5228 §8.1). Hand-written so that every token and error has an exact
// line:column. Pure: works on a string_view, touches nothing else.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sieve-lang/diagnostic.h"
#include "sieve-lang/limits.h"

namespace sieve {

struct Token {
  enum class Kind {
    kIdentifier,  // text = lowercased name
    kTag,         // text = lowercased name without ':'
    kNumber,      // number = value with quantifier applied
    kString,      // text = decoded quoted-string or multi-line text: (dot-unstuffed)
    kLeftBracket,
    kRightBracket,
    kLeftParen,
    kRightParen,
    kLeftBrace,
    kRightBrace,
    kComma,
    kSemicolon,
    kEnd,    // end of input
    kError,  // lexical error: already reported; the lexer has skipped past it
  };
  Kind kind = Kind::kEnd;
  SourceLocation location;
  std::string text;
  uint64_t number = 0;
};

class Lexer {
 public:
  // `diagnostics` receives lexical errors; it must outlive the lexer.
  Lexer(std::string_view source, const Limits& limits, Diagnostics* diagnostics);
  Lexer(const Lexer&) = delete;
  Lexer& operator=(const Lexer&) = delete;

  // Returns the next token; kEnd forever once input is exhausted.
  Token Next();

 private:
  bool AtEnd() const { return pos_ >= source_.size(); }
  char Peek(size_t ahead = 0) const {
    return pos_ + ahead < source_.size() ? source_[pos_ + ahead] : '\0';
  }
  SourceLocation Here() const { return {line_, column_}; }
  // Moves over `n` bytes that contain no line feed.
  void Skip(size_t n) {
    pos_ += n;
    column_ += static_cast<int>(n);
  }
  // Moves to `end`, updating line/column for every line feed in between.
  void SkipTo(size_t end);
  void Error(SourceLocation at, std::string message);
  Token ErrorToken(SourceLocation at);

  // Each returns false after reporting an unterminated comment (whose start goes to
  // `bad_comment`).
  bool SkipWhitespaceAndComments(SourceLocation* bad_comment);
  bool SkipBracketComment();
  void SkipHashComment();

  std::string ScanIdentifier();  // lowercased; caller checked the first byte
  Token LexIdentifierOrText();
  Token LexTag();
  Token LexNumber();
  Token LexQuotedString();
  Token LexMultiLine(SourceLocation start);
  Token LexUnexpected();

  std::string_view source_;
  const Limits& limits_;
  Diagnostics* diagnostics_;
  size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

// Human name of a token kind for messages ("identifier", "';'", "end of script"...).
const char* TokenKindName(Token::Kind kind);

}  // namespace sieve
