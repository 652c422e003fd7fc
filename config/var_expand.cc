#include "config/var_expand.h"

#include <openssl/evp.h>

#include <algorithm>
#include <charconv>
#include <optional>

#include "base/strings.h"

namespace config {
namespace {

// The one-letter variables of Dovecot 2.3 and their long names.
constexpr std::pair<char, std::string_view> kShortNames[] = {
    {'u', "user"}, {'n', "username"}, {'d', "domain"}, {'h', "home"}, {'s', "service"},
    {'r', "rip"},  {'l', "lip"},      {'p', "pid"},    {'w', "password"}, {'m', "mechanism"},
    {'a', "lport"}, {'b', "rport"},  {'c', "secured"}, {'k', "cert"},    {'i', "uid"},
};

std::string Md5Hex(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_md5(), nullptr);
  return base::HexEncode(std::string_view(reinterpret_cast<const char*>(md), len));
}

std::optional<int> ReadSigned(std::string_view s, size_t& i) {
  size_t start = i;
  if (i < s.size() && s[i] == '-') ++i;
  while (i < s.size() && base::IsAsciiDigit(s[i])) ++i;
  if (i == start || (i == start + 1 && s[start] == '-')) {
    i = start;
    return std::nullopt;
  }
  int value = 0;
  std::from_chars(s.data() + start + (s[start] == '-' ? 1 : 0), s.data() + i, value);
  return s[start] == '-' ? -value : value;
}

std::string Substring(const std::string& value, int offset, std::optional<int> width) {
  int size = static_cast<int>(value.size());
  int begin = offset < 0 ? std::max(0, size + offset) : std::min(offset, size);
  int end = size;
  if (width) {
    end = *width < 0 ? std::max(begin, size + *width) : std::min(size, begin + *width);
  }
  return value.substr(static_cast<size_t>(begin), static_cast<size_t>(std::max(0, end - begin)));
}

}  // namespace

void SetUser(VarValues& vars, std::string_view user) {
  vars.values["user"] = std::string(user);
  size_t at = user.rfind('@');
  vars.values["username"] = std::string(user.substr(0, at));
  vars.values["domain"] = at == std::string_view::npos ? "" : std::string(user.substr(at + 1));
}

base::Result<std::string> ExpandVariables(std::string_view text, const VarValues& vars) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    size_t start = i++;
    auto bad = [&](std::string_view why) {
      return base::Err(base::Status::InvalidArgument(
          std::string(why) + " in '" + std::string(text.substr(start, std::min<size_t>(i - start + 1, text.size() - start))) +
          "' of '" + std::string(text) + "'"));
    };
    if (i >= text.size()) return bad("a '%' at the end");
    if (text[i] == '%') {
      out.push_back('%');
      continue;
    }
    int offset = 0;
    // "%04i": a width written with a leading zero pads with '0' instead of cutting.
    bool zero_pad = i + 1 < text.size() && text[i] == '0' && base::IsAsciiDigit(text[i + 1]);
    std::optional<int> width = ReadSigned(text, i);
    if (width && i < text.size() && text[i] == '.') {
      offset = *width;
      ++i;
      zero_pad = i + 1 < text.size() && text[i] == '0' && base::IsAsciiDigit(text[i + 1]);
      width = ReadSigned(text, i);
      if (!width) return bad("a width must follow the offset");
    }
    std::string modifiers;
    while (i < text.size() && std::string_view("LURMXHE").find(text[i]) != std::string_view::npos) {
      // A modifier letter is also a variable when nothing follows it.
      if (i + 1 >= text.size()) break;
      modifiers.push_back(text[i++]);
    }
    if (i >= text.size()) return bad("a variable is missing");
    std::string name;
    if (text[i] == '{') {
      size_t close = text.find('}', i);
      if (close == std::string_view::npos) return bad("an unclosed '{'");
      name = std::string(text.substr(i + 1, close - i - 1));
      i = close;
    } else {
      auto it = std::find_if(std::begin(kShortNames), std::end(kShortNames),
                             [&](const auto& p) { return p.first == text[i]; });
      if (it == std::end(kShortNames)) return bad("an unknown variable");
      name = std::string(it->second);
    }
    auto value = vars.values.find(name);
    if (value == vars.values.end()) return bad("an unknown variable");
    std::string expanded = value->second;
    for (char m : modifiers) {
      switch (m) {
        case 'L': expanded = base::AsciiToLower(expanded); break;
        case 'U': expanded = base::AsciiToUpper(expanded); break;
        case 'R': std::reverse(expanded.begin(), expanded.end()); break;
        case 'M': expanded = Md5Hex(expanded); break;
        case 'X': {
          auto n = base::ParseUint64(expanded);
          if (!n) return bad("X needs a number");
          char buffer[24];
          auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, *n, 16);
          expanded.assign(buffer, end);
          break;
        }
        case 'H': {
          // Dovecot's %H (directory hashing): the ELF hash of the value, taken modulo the width
          // when one is given ("%256Hu"), printed in hex. The width is used up by the modulus.
          uint32_t hash = 0;
          for (unsigned char c : expanded) {
            hash = (hash << 4) + c;
            if (uint32_t high = hash & 0xf0000000u) {
              hash ^= high >> 24;
              hash ^= high;
            }
          }
          if (width && *width > 0) {
            hash %= static_cast<uint32_t>(*width);
            width.reset();
          }
          char buffer[16];
          auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, hash, 16);
          expanded.assign(buffer, end);
          break;
        }
        case 'E': {
          std::string escaped;
          for (char c : expanded) {
            if (c == '\'' || c == '"' || c == '\\') escaped.push_back('\\');
            escaped.push_back(c);
          }
          expanded = std::move(escaped);
          break;
        }
        default: break;
      }
    }
    if (zero_pad && width && *width > 0) {
      if (expanded.size() < static_cast<size_t>(*width)) {
        expanded.insert(0, static_cast<size_t>(*width) - expanded.size(), '0');
      }
      out += Substring(expanded, offset, std::nullopt);
    } else {
      out += Substring(expanded, offset, width);
    }
  }
  return out;
}

}  // namespace config
