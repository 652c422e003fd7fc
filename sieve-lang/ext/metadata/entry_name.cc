// Entry names of IMAP METADATA (RFC 5464 §3.2) as the metadata tests see them, and the lookup
// through the Host they share.
#include <algorithm>

#include "base/strings.h"
#include "sieve-lang/ext/metadata/metadata.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"

namespace sieve::ext {

std::optional<std::string> CheckEntryName(std::string_view entry) {
  // RFC 5464 §3.2: no "*" or "%", nothing non-ASCII, no octets 0x00-0x19.
  for (char c : entry) {
    auto octet = static_cast<unsigned char>(c);
    if (octet <= 0x19 || octet >= 0x7f || c == '*' || c == '%') {
      return "it contains an invalid character";
    }
  }
  // The first component is the scope, "/private" or "/shared", and a name has at least two.
  if (!base::StartsWithIgnoreCase(entry, "/private/") &&
      !base::StartsWithIgnoreCase(entry, "/shared/")) {
    return "it does not start with /private/ or /shared/";
  }
  // MUST NOT contain two consecutive "/" and MUST NOT end with "/".
  if (entry.find("//") != std::string_view::npos || entry.back() == '/') {
    return "it has an empty component";
  }
  // Names in a vendor namespace (/private/vendor/<vendor-token>/...) have at least 4
  // components.
  std::string_view rest = entry.substr(entry.find('/', 1));
  if (base::StartsWithIgnoreCase(rest, "/vendor/") || base::EqualsIgnoreCase(rest, "/vendor")) {
    if (std::count(entry.begin(), entry.end(), '/') < 4) {
      return "a vendor entry needs a vendor token and a name";
    }
  }
  return std::nullopt;
}

bool WarnAboutEntryNames(ValidationContext& ctx, const Node& node, size_t index) {
  const bool expands = ctx.IsLoaded("variables");
  for (const std::string& entry : node.operands.positional[index].strings) {
    if (expands && entry.find("${") != std::string::npos) continue;  // known at run time only
    if (std::optional<std::string> problem = CheckEntryName(entry)) {
      ctx.Warning(node.location,
                  "specified annotation name '" + entry + "' is invalid: " + *problem);
    }
  }
  return true;
}

std::optional<std::string> LookupEntry(Runtime& rt, std::optional<std::string_view> mailbox,
                                       std::string_view entry) {
  if (CheckEntryName(entry)) return std::nullopt;
  if (mailbox && (mailbox->empty() || !base::IsValidUtf8(*mailbox))) return std::nullopt;
  return rt.host().Metadata(mailbox, entry);
}

}  // namespace sieve::ext
