#include "sieve-lang/ext/enotify/mailto.h"

#include <algorithm>
#include <array>

#include "base/strings.h"
#include "mail/address.h"
#include "mail/header.h"

namespace sieve::ext {
namespace {

bool IsUnreserved(char c) {
  return base::IsAsciiAlpha(c) || base::IsAsciiDigit(c) || c == '-' || c == '.' || c == '_' ||
         c == '~';
}

// RFC 6068 §2: qchar = unreserved / pct-encoded / some-delims (pct-encoded handled apart).
bool IsQchar(char c) {
  return IsUnreserved(c) || std::string_view("!$'()*+,;:@").find(c) != std::string_view::npos;
}

// Header fields a URI may not set (RFC 5436 §2.7: From and Auto-Submitted MUST be ignored;
// the rest as Pigeonhole: trace and identity fields the notification owns).
constexpr std::array<std::string_view, 16> kReservedHeaders = {
    "auto-submitted", "received",      "message-id",    "data",         "bcc",
    "in-reply-to",    "references",    "resent-date",   "resent-from",  "resent-sender",
    "resent-to",      "resent-cc",     "resent-bcc",    "resent-msg-id", "from",
    "sender"};

bool IsReserved(std::string_view name) {
  return std::ranges::any_of(kReservedHeaders,
                             [&](std::string_view r) { return base::EqualsIgnoreCase(r, name); });
}

// Percent-decodes [begin, end) of a URI part whose literal characters must satisfy `allowed`;
// `what` names the part for errors.
std::expected<std::string, std::string> Decode(std::string_view part, bool (*allowed)(char),
                                               std::string_view what) {
  std::string out;
  for (size_t i = 0; i < part.size(); ++i) {
    char c = part[i];
    if (c == '%') {
      int hi = i + 2 < part.size() ? base::HexDigitValue(part[i + 1]) : -1;
      int lo = i + 2 < part.size() ? base::HexDigitValue(part[i + 2]) : -1;
      if (hi < 0 || lo < 0) {
        return std::unexpected("invalid %-encoding in " + std::string(what));
      }
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (!allowed(c)) {
      return std::unexpected("invalid character '" + std::string(1, c) + "' in " +
                             std::string(what));
    } else {
      out += c;
    }
  }
  return out;
}

bool ToPartChar(char c) { return IsQchar(c) && c != ':' && c != ';' && c != ','; }

class Builder {
 public:
  explicit Builder(MailtoUri& uri) : uri_(uri) {}

  // One recipient; duplicates and those beyond the limit are dropped (RFC 5436 §2.7).
  void Add(std::string full, std::string addr_spec, bool cc) {
    for (const MailtoRecipient& r : uri_.recipients) {
      if (base::EqualsIgnoreCase(r.addr_spec, addr_spec)) return;
    }
    if (uri_.recipients.size() >= kMailtoMaxRecipients) return;
    uri_.recipients.push_back({std::move(full), std::move(addr_spec), cc});
  }

  // The value of a to/cc hfield: an address list.
  std::optional<std::string> AddList(std::string_view value, bool cc, std::string_view what) {
    for (std::string_view piece : SplitTopLevel(value)) {
      std::string text(base::TrimWhitespace(piece));
      if (text.empty()) continue;
      std::optional<std::string> spec = mail::SingleAddrSpec(text);
      if (!spec) return "invalid " + std::string(what) + " recipient '" + text + "'";
      Add(std::move(text), std::move(*spec), cc);
    }
    return std::nullopt;
  }

 private:
  // Splits at commas outside quotes and angle brackets.
  static std::vector<std::string_view> SplitTopLevel(std::string_view s) {
    std::vector<std::string_view> out;
    bool quoted = false;
    int angle = 0;
    size_t start = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (c == '\\' && quoted) {
        ++i;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '<') {
        ++angle;
      } else if (!quoted && c == '>' && angle > 0) {
        --angle;
      } else if (!quoted && angle == 0 && c == ',') {
        out.push_back(s.substr(start, i - start));
        start = i + 1;
      }
    }
    out.push_back(s.substr(start));
    return out;
  }

  MailtoUri& uri_;
};

std::optional<std::string> ParseHfield(std::string_view field, Builder& builder, MailtoUri& uri) {
  size_t eq = field.find('=');
  if (eq == std::string_view::npos) return "missing '=' in header field '" + std::string(field) + "'";
  auto name = Decode(field.substr(0, eq), IsQchar, "header field name");
  if (!name) return name.error();
  auto value = Decode(field.substr(eq + 1), IsQchar, "header field value");
  if (!value) return value.error();
  if (!mail::IsFieldName(*name)) return "invalid header field name '" + *name + "'";
  std::string lower = base::AsciiToLower(*name);
  if (lower == "to" || lower == "cc") return builder.AddList(*value, lower == "cc", lower);
  if (lower == "subject") {
    uri.subject = std::move(*value);
  } else if (lower == "body") {
    uri.body = std::move(*value);
  } else if (IsReserved(lower)) {
    uri.warnings.push_back("ignored reserved header field '" + *name + "' in mailto URI");
  } else if (uri.headers.size() < kMailtoMaxHeaders) {
    uri.headers.emplace_back(std::move(*name), std::move(*value));
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> UriScheme(std::string_view uri) {
  size_t colon = uri.find(':');
  if (colon == std::string_view::npos || colon == 0 || !base::IsAsciiAlpha(uri[0])) {
    return std::nullopt;
  }
  for (char c : uri.substr(0, colon)) {
    if (!(base::IsAsciiAlpha(c) || base::IsAsciiDigit(c) || c == '+' || c == '-' || c == '.')) {
      return std::nullopt;
    }
  }
  return base::AsciiToLower(uri.substr(0, colon));
}

// RFC 6068 §2: mailtoURI = "mailto:" [ to ] [ hfields ].
std::expected<MailtoUri, std::string> ParseMailtoUri(std::string_view uri) {
  if (UriScheme(uri) != "mailto") return std::unexpected("not a mailto URI");
  std::string_view rest = uri.substr(7);
  size_t q = rest.find('?');
  std::string_view to_part = rest.substr(0, q);
  MailtoUri out;
  Builder builder(out);
  // In the to part a literal ',' is not allowed; "%2C" separates addr-specs.
  size_t start = 0;
  for (size_t i = 0; i <= to_part.size(); ++i) {
    bool sep = i == to_part.size() ||
               (to_part[i] == '%' && i + 2 < to_part.size() && to_part[i + 1] == '2' &&
                (to_part[i + 2] == 'c' || to_part[i + 2] == 'C'));
    if (!sep) continue;
    auto addr = Decode(to_part.substr(start, i - start), ToPartChar, "'to' part");
    if (!addr) return std::unexpected(addr.error());
    if (!addr->empty()) {
      std::optional<std::string> spec = mail::SingleAddrSpec(*addr);
      if (!spec || *spec != base::TrimWhitespace(*addr)) {
        return std::unexpected("invalid recipient '" + *addr + "'");
      }
      builder.Add(*addr, *spec, false);
    } else if (i != to_part.size()) {
      return std::unexpected("empty recipient in 'to' part");
    }
    start = i + 3;
    i += 2;
  }
  if (q == std::string_view::npos) return out;
  std::string_view hfields = rest.substr(q + 1);
  while (!hfields.empty()) {
    size_t amp = hfields.find('&');
    if (auto error = ParseHfield(hfields.substr(0, amp), builder, out)) {
      return std::unexpected(*error);
    }
    if (amp == std::string_view::npos) break;
    hfields.remove_prefix(amp + 1);
  }
  return out;
}

std::string EncodeUrl(std::string_view value, size_t max_size) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  size_t i = 0;
  while (i < value.size()) {
    // One whole UTF-8 character (lead byte plus continuation bytes).
    size_t len = 1;
    while (i + len < value.size() && (static_cast<unsigned char>(value[i + len]) & 0xc0) == 0x80) {
      ++len;
    }
    std::string unit;
    for (char c : value.substr(i, len)) {
      if (IsUnreserved(c)) {
        unit += c;
      } else {
        auto u = static_cast<unsigned char>(c);
        unit += {'%', kHex[u >> 4], kHex[u & 0xf]};
      }
    }
    if (max_size != 0 && out.size() + unit.size() > max_size) break;
    out += unit;
    i += len;
  }
  return out;
}

}  // namespace sieve::ext
