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
    kLeftBracket, kRightBracket, kLeftParen, kRightParen, kLeftBrace, kRightBrace,
    kComma, kSemicolon,
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
