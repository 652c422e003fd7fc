// RFC 5322 §3.2 lexical tokens of one address-list entry: atoms, quoted strings, domain
// literals and specials, with CFWS skipped (comments kept for a display-name fallback).
// Internal to mail/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mail::internal {

struct AddressToken {
  enum class Kind { kAtom, kQuoted, kLiteral, kSpecial };
  Kind kind;
  std::string text;  // atom text, unescaped quoted content, "[literal]", or the special char
  bool space_before = false;  // CFWS preceded the token (display names keep one space)

  bool Is(char special) const {
    return kind == Kind::kSpecial && text.size() == 1 && text[0] == special;
  }
  bool IsWord() const { return kind == Kind::kAtom || kind == Kind::kQuoted; }
};

struct AddressTokens {
  std::vector<AddressToken> tokens;
  std::string last_comment;  // text of the last top-level comment, unescaped
  bool ok = true;            // false on an unterminated quote, comment or literal
};

// Tokenizes `entry`. Comments nest (RFC 5322 §3.2.2) and are skipped with a counter, not
// recursion.
AddressTokens TokenizeAddress(std::string_view entry);

// RFC 5322 §3.2.3 atext, extended to 8-bit bytes for RFC 6532 UTF-8 headers.
bool IsAtext(char c);

}  // namespace mail::internal
