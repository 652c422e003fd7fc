#include "sieve-lang/ext/include/script_name.h"

#include "base/strings.h"

namespace sieve::ext {
namespace {

// Decodes the code point at `i` of valid UTF-8 and advances `i`.
char32_t NextCodePoint(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i++]);
  if (c < 0x80) return c;
  int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
  char32_t cp = c & (0x3f >> extra);
  for (int k = 0; k < extra && i < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3f);
  }
  return cp;
}

}  // namespace

std::optional<std::string> CheckScriptName(std::string_view name) {
  if (name.empty()) return std::string("script name is empty");
  if (!base::IsValidUtf8(name)) return std::string("script name is not valid UTF-8");
  size_t i = 0;
  while (i < name.size()) {
    char32_t cp = NextCodePoint(name, i);
    if (cp == '/') {
      return "script name '" + std::string(name) + "' contains '/' (a path is not allowed)";
    }
    if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 ||
        cp == 0x2029) {
      return "script name contains a forbidden character (U+" + [cp] {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp));
        return std::string(buf);
      }() + ")";
    }
  }
  return std::nullopt;
}

std::string_view NormalizeScriptName(std::string_view name) {
  constexpr std::string_view kSuffix = ".sieve";
  if (name.size() > kSuffix.size() && name.ends_with(kSuffix)) {
    name.remove_suffix(kSuffix.size());
  }
  return name;
}

}  // namespace sieve::ext
