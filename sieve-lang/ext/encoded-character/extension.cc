// encoded-character (RFC 5228 §2.4.2.4): "${hex:...}" and "${unicode:...}" in string literals
// are replaced at compile time. Sequences that do not follow the grammar stay as written;
// a Unicode value outside U+0000-D7FF / U+E000-10FFFF is an error. Status: complete.
#include <cstdio>

#include "base/strings.h"
#include "sieve-lang/ext/builtin.h"

namespace sieve {
namespace {

struct Decoded {
  std::string text;
  std::optional<std::string> error;
};

// RFC 5228 §2.4.2.4 blank: WSP or CRLF (a bare LF too, as text: bodies may carry one).
bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Decodes the body between "${hex:" / "${unicode:" and "}": blank-separated groups of hex
// digits (hex: 1-2 digits each; unicode: any number), at least one group. nullopt when it is
// not well formed (then the original text is kept).
std::optional<Decoded> DecodeBody(std::string_view body, bool unicode) {
  Decoded out;
  bool any = false;
  size_t i = 0;
  while (i < body.size()) {
    if (IsBlank(body[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < body.size() && !IsBlank(body[end])) ++end;
    std::string_view item = body.substr(i, end - i);
    i = end;
    if (!unicode && item.size() > 2) return std::nullopt;
    uint32_t value = 0;
    for (char c : item) {
      int digit = base::HexDigitValue(c);
      if (digit < 0) return std::nullopt;
      value = value > 0x10ffff ? value : value * 16 + static_cast<uint32_t>(digit);
    }
    any = true;
    if (!unicode) {
      out.text += static_cast<char>(value);
    } else if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
      char buf[96];
      std::snprintf(buf, sizeof buf,
                    "invalid unicode character 0x%08x in encoded character substitution", value);
      out.error = buf;
      return out;
    } else {
      base::AppendUtf8(value, out.text);
    }
  }
  if (!any) return std::nullopt;  // "${hex:}" has no hex-pair: not an encoding, kept as is
  return out;
}

std::expected<std::string, std::string> Transform(std::string_view in) {
  if (in.find("${") == std::string_view::npos) return std::string(in);
  std::string out;
  size_t i = 0;
  while (i < in.size()) {
    size_t start = in.find("${", i);
    if (start == std::string_view::npos) break;
    out.append(in.substr(i, start - i));
    size_t close = in.find('}', start);
    std::string_view inner = in.substr(start + 2, close == std::string_view::npos
                                                       ? std::string_view::npos
                                                       : close - start - 2);
    bool hex = base::StartsWithIgnoreCase(inner, "hex:");
    bool unicode = base::StartsWithIgnoreCase(inner, "unicode:");
    std::optional<Decoded> decoded;
    if (close != std::string_view::npos && (hex || unicode)) {
      decoded = DecodeBody(inner.substr(hex ? 4 : 8), unicode);
    }
    if (!decoded) {
      out += "${";
      i = start + 2;
      continue;
    }
    if (decoded->error) return std::unexpected(*decoded->error);
    out += decoded->text;
    i = close + 1;
  }
  out.append(in.substr(i));
  return out;
}

}  // namespace

const Extension& EncodedCharacterExtension() {
  static const Extension ext{.name = "encoded-character", .string_transform = Transform};
  return ext;
}

}  // namespace sieve
