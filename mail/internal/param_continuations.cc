#include "mail/internal/param_continuations.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>

#include "base/strings.h"
#include "mail/charset.h"

namespace mail::internal {
namespace {

struct Section {
  std::string value;
  bool encoded = false;
};

struct Extended {
  size_t slot = 0;                 // index of the output entry this parameter fills
  std::map<unsigned, Section> sections;  // by section number; a lone `name*` is section 0
};

// Splits "title*2*" into ("title", 2, encoded). Nullopt for a plain name or a malformed one
// (a section number with a leading zero or non-digits is not RFC 2231: keep it as it is).
struct NameParts {
  std::string base;
  unsigned section = 0;
  bool encoded = false;
};

std::optional<NameParts> SplitName(std::string_view name) {
  size_t star = name.find('*');
  if (star == std::string_view::npos || star == 0) return std::nullopt;
  NameParts parts{std::string(name.substr(0, star))};
  std::string_view rest = name.substr(star + 1);
  if (rest.ends_with('*')) {
    parts.encoded = true;
    rest.remove_suffix(1);
  } else if (rest.empty()) {
    parts.encoded = true;  // "name*=": a single encoded section
    return parts;
  }
  if (rest.empty()) return parts;  // "name**": read like "name*"
  if (rest.size() > 4 || (rest.size() > 1 && rest[0] == '0') ||
      !std::all_of(rest.begin(), rest.end(), base::IsAsciiDigit)) {
    return std::nullopt;
  }
  parts.section = static_cast<unsigned>(std::stoul(std::string(rest)));
  return parts;
}

// %XX escapes to bytes; a '%' not followed by two hex digits stays as written.
std::string PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    int hi = 0, lo = 0;
    if (s[i] == '%' && i + 2 < s.size() && (hi = base::HexDigitValue(s[i + 1])) >= 0 &&
        (lo = base::HexDigitValue(s[i + 2])) >= 0) {
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string Join(const Extended& ext) {
  std::string charset;
  std::string bytes;
  unsigned expected = 0;
  for (const auto& [number, section] : ext.sections) {
    if (number != expected++) break;  // RFC 2231 §3: sections are numbered without gaps
    std::string_view value = section.value;
    if (section.encoded && number == 0) {
      // charset'language'value; either part may be empty.
      size_t first = value.find('\'');
      size_t second = first == std::string_view::npos ? first : value.find('\'', first + 1);
      if (second != std::string_view::npos) {
        charset = std::string(value.substr(0, first));
        value = value.substr(second + 1);
      }
    }
    bytes += section.encoded ? PercentDecode(value) : std::string(value);
  }
  if (charset.empty()) return bytes;
  std::optional<std::string> utf8 = ToUtf8(bytes, charset);
  return utf8 ? *utf8 : bytes;  // an unknown charset: the bytes as sent
}

}  // namespace

void JoinExtendedParams(std::vector<std::pair<std::string, std::string>>& params) {
  if (std::none_of(params.begin(), params.end(),
                   [](const auto& p) { return p.first.find('*') != std::string::npos; })) {
    return;  // the common case: nothing to rewrite
  }
  std::vector<std::pair<std::string, std::string>> out;
  std::map<std::string, Extended> extended;
  for (auto& [name, value] : params) {
    std::optional<NameParts> parts = SplitName(name);
    if (!parts) {
      out.emplace_back(std::move(name), std::move(value));
      continue;
    }
    auto [it, added] = extended.try_emplace(parts->base);
    if (added) {
      auto plain = std::find_if(out.begin(), out.end(),
                                [&](const auto& p) { return p.first == parts->base; });
      if (plain != out.end()) {
        it->second.slot = static_cast<size_t>(plain - out.begin());
      } else {
        it->second.slot = out.size();
        out.emplace_back(parts->base, std::string());
      }
    }
    it->second.sections.try_emplace(parts->section, Section{std::move(value), parts->encoded});
  }
  for (const auto& [base_name, ext] : extended) out[ext.slot].second = Join(ext);
  params = std::move(out);
}

}  // namespace mail::internal
