// List names of extlists (RFC 6134): URIs, with ":addrbook:..." shorthands for the
// urn:ietf:params:sieve:addrbook URNs.
#include <algorithm>

#include "base/strings.h"
#include "sieve-lang/ext/extlists/extlists.h"

namespace sieve::ext {
namespace {

constexpr std::string_view kShorthandBase = "urn:ietf:params:sieve";

// RFC 3986 §2: unreserved, reserved and '%' (of a pct-encoded triplet).
bool IsUriChar(char c) {
  return base::IsAsciiAlpha(c) || base::IsAsciiDigit(c) ||
         std::string_view("-._~:/?#[]@!$&'()*+,;=%").find(c) != std::string_view::npos;
}

}  // namespace

std::string ExpandListName(std::string_view name) {
  if (name.starts_with(':')) return std::string(kShorthandBase) + std::string(name);
  return std::string(name);
}

std::optional<std::string> CheckListName(std::string_view name) {
  if (name == ":") return "a shorthand needs a name after ':'";
  std::string uri = ExpandListName(name);
  // RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ':'.
  size_t colon = uri.find(':');
  if (colon == 0 || colon == std::string::npos || !base::IsAsciiAlpha(uri[0])) {
    return "it is not a URI (no scheme)";
  }
  for (char c : std::string_view(uri).substr(0, colon)) {
    if (!base::IsAsciiAlpha(c) && !base::IsAsciiDigit(c) && c != '+' && c != '-' && c != '.') {
      return "it is not a URI (bad scheme)";
    }
  }
  if (colon + 1 == uri.size()) return "it is not a URI (nothing after the scheme)";
  if (!std::all_of(uri.begin(), uri.end(), IsUriChar)) {
    return "it is not a URI (characters outside RFC 3986)";
  }
  return std::nullopt;
}

}  // namespace sieve::ext
