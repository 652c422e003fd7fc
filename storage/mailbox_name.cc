#include "storage/mailbox_name.h"

#include <cstdint>
#include <vector>

#include "base/strings.h"

namespace storage {
namespace {

// RFC 3501 §5.1.3: base64 with ',' instead of '/', no padding.
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

int Base64Value(char c) {
  for (int i = 0; i < 64; ++i) {
    if (kAlphabet[i] == c) return i;
  }
  return -1;
}

// UTF-8 to code points; nullopt when invalid.
std::optional<std::vector<char32_t>> CodePoints(std::string_view s) {
  if (!base::IsValidUtf8(s)) return std::nullopt;
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? c & 0x1f : len == 3 ? c & 0x0f : c & 0x07;
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    out.push_back(cp);
    i += static_cast<size_t>(len);
  }
  return out;
}

void FlushRun(std::string& out, std::vector<uint16_t>& run) {
  if (run.empty()) return;
  out.push_back('&');
  uint32_t bits = 0;
  int count = 0;
  for (uint16_t unit : run) {
    bits = (bits << 16) | unit;
    count += 16;
    while (count >= 6) {
      count -= 6;
      out.push_back(kAlphabet[(bits >> count) & 0x3f]);
    }
  }
  if (count > 0) out.push_back(kAlphabet[(bits << (6 - count)) & 0x3f]);
  out.push_back('-');
  run.clear();
}

}  // namespace

std::optional<std::string> EncodeModifiedUtf7(std::string_view utf8) {
  std::optional<std::vector<char32_t>> cps = CodePoints(utf8);
  if (!cps) return std::nullopt;
  std::string out;
  std::vector<uint16_t> run;  // UTF-16 units waiting to be base64-encoded
  for (char32_t cp : *cps) {
    if (cp >= 0x20 && cp <= 0x7e) {
      FlushRun(out, run);
      out += cp == '&' ? "&-" : std::string(1, static_cast<char>(cp));
    } else if (cp >= 0x10000) {
      char32_t v = cp - 0x10000;
      run.push_back(static_cast<uint16_t>(0xd800 | (v >> 10)));
      run.push_back(static_cast<uint16_t>(0xdc00 | (v & 0x3ff)));
    } else {
      run.push_back(static_cast<uint16_t>(cp));
    }
  }
  FlushRun(out, run);
  return out;
}

std::optional<std::string> DecodeModifiedUtf7(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) {
      return std::nullopt;
    }
    if (c != '&') {
      out.push_back(c);
      continue;
    }
    size_t end = s.find('-', i + 1);
    if (end == std::string_view::npos) return std::nullopt;
    if (end == i + 1) {
      out.push_back('&');
      i = end;
      continue;
    }
    uint32_t bits = 0;
    int count = 0;
    std::vector<uint16_t> units;
    for (size_t k = i + 1; k < end; ++k) {
      int v = Base64Value(s[k]);
      if (v < 0) return std::nullopt;
      bits = (bits << 6) | static_cast<uint32_t>(v);
      count += 6;
      if (count >= 16) {
        count -= 16;
        units.push_back(static_cast<uint16_t>((bits >> count) & 0xffff));
      }
    }
    if (count >= 6 || (bits & ((1u << count) - 1)) != 0) return std::nullopt;  // bad padding
    for (size_t k = 0; k < units.size(); ++k) {
      char32_t cp = units[k];
      if (cp >= 0xd800 && cp <= 0xdbff) {
        if (k + 1 >= units.size() || units[k + 1] < 0xdc00 || units[k + 1] > 0xdfff) {
          return std::nullopt;
        }
        cp = 0x10000 + ((cp - 0xd800) << 10) + (units[++k] - 0xdc00);
      } else if (cp >= 0xdc00 && cp <= 0xdfff) {
        return std::nullopt;
      } else if (cp >= 0x20 && cp <= 0x7e) {
        return std::nullopt;  // printable ASCII must be written as itself
      }
      base::AppendUtf8(cp, out);
    }
    i = end;
  }
  return out;
}

std::optional<std::string> MailboxDirectory(std::string_view name, Layout layout) {
  if (base::EqualsIgnoreCase(name, "INBOX")) return std::string();
  std::string out;
  for (std::string_view level : base::SplitString(name, '/')) {
    if (level.empty() || level.front() == '.') return std::nullopt;
    // Under LAYOUT=fs a folder directory sits beside its parent's cur/ new/ tmp/.
    if (layout == Layout::kFs && (level == "cur" || level == "new" || level == "tmp")) {
      return std::nullopt;
    }
    if (layout == Layout::kMaildirPlusPlus && level.find('.') != std::string_view::npos) {
      return std::nullopt;
    }
    std::optional<std::string> encoded = EncodeModifiedUtf7(level);
    if (!encoded) return std::nullopt;
    if (layout == Layout::kMaildirPlusPlus) {
      out += "." + *encoded;
    } else {
      out += (out.empty() ? "" : "/") + *encoded;
    }
  }
  return out;
}

std::optional<std::string> MailboxFromDirectory(std::string_view directory) {
  if (directory.size() < 2 || directory.front() != '.' || directory == "..") return std::nullopt;
  std::string name;
  for (std::string_view level : base::SplitString(directory.substr(1), '.')) {
    if (level.empty()) return std::nullopt;
    std::optional<std::string> decoded = DecodeModifiedUtf7(level);
    if (!decoded) return std::nullopt;
    name += (name.empty() ? "" : "/") + *decoded;
  }
  return name;
}

}  // namespace storage
