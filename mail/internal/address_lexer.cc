#include "mail/internal/address_lexer.h"

#include <array>
#include <string_view>

namespace mail::internal {
namespace {

bool IsCfwsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Reads a quoted string or comment body starting after its opening char; returns the
// position after the closing char, or npos when unterminated. Only comments nest.
size_t ReadDelimited(std::string_view s, size_t i, char close, bool nests, std::string& out) {
  int depth = 1;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {  // RFC 5322 §3.2.1 quoted-pair
      out.push_back(s[++i]);
      continue;
    }
    if (nests && c == '(') ++depth;
    if (c == close && --depth == 0) return i + 1;
    out.push_back(c);
  }
  return std::string_view::npos;
}

}  // namespace

namespace {

// RFC 5322 §3.2.3 atext, plus every 8-bit byte (RFC 6532 UTF-8), as a lookup table: this is
// the inner loop of every address parse.
constexpr std::array<bool, 256> MakeAtextTable() {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) table[c] = c > ' ' && c != 0x7f;
  for (unsigned char c : std::string_view("()<>[]:;@\\,.\"")) table[c] = false;
  return table;
}
constexpr std::array<bool, 256> kAtext = MakeAtextTable();

}  // namespace

bool IsAtext(char c) { return kAtext[static_cast<unsigned char>(c)]; }

AddressTokens TokenizeAddress(std::string_view s) {
  AddressTokens result;
  bool space = false;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (IsCfwsSpace(c)) {
      space = true;
      ++i;
      continue;
    }
    if (c == '(') {
      std::string comment;
      i = ReadDelimited(s, i + 1, ')', /*nests=*/true, comment);
      if (i == std::string_view::npos) {
        result.ok = false;
        return result;
      }
      result.last_comment = std::move(comment);
      space = true;
      continue;
    }
    AddressToken token{AddressToken::Kind::kSpecial, {}, space};
    space = false;
    if (c == '"') {
      token.kind = AddressToken::Kind::kQuoted;
      i = ReadDelimited(s, i + 1, '"', /*nests=*/false, token.text);
    } else if (c == '[') {
      token.kind = AddressToken::Kind::kLiteral;
      token.text = "[";
      i = ReadDelimited(s, i + 1, ']', /*nests=*/false, token.text);
      token.text.push_back(']');
    } else if (IsAtext(c)) {
      token.kind = AddressToken::Kind::kAtom;
      size_t start = i;
      while (i < s.size() && IsAtext(s[i])) ++i;
      token.text.assign(s.substr(start, i - start));
    } else {
      token.text.assign(1, c);
      ++i;
    }
    if (i == std::string_view::npos) {
      result.ok = false;
      return result;
    }
    result.tokens.push_back(std::move(token));
  }
  return result;
}

}  // namespace mail::internal
