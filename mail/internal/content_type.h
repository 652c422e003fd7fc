// RFC 2045 §5.1 Content-Type and §6.1 Content-Transfer-Encoding values. Internal to mail/.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mail::internal {

struct ContentType {
  bool valid = false;
  std::string type;     // lowercased
  std::string subtype;  // lowercased
  // Lowercased names, unquoted values, in order; the first of duplicate names wins on lookup.
  std::vector<std::pair<std::string, std::string>> params;
};

// Parses "type/subtype *(; name=value)" with comments; invalid params are skipped and
// unquoted values may hold any byte but ';' and whitespace (boundaries like ----=_Part_1
// are often sent unquoted). `valid` is false when type/subtype is missing or malformed.
ContentType ParseContentType(std::string_view value);

// The same grammar read leniently, for values shaped like Content-Type but not one
// (Content-Disposition: "inline; filename=x"): the subtype may be missing; `valid` is false
// only when there is no leading token at all. Parameters are read either way.
ContentType ParseStructuredValue(std::string_view value);

// The first token of a Content-Transfer-Encoding value, lowercased ("base64").
std::string ParseTransferEncoding(std::string_view value);

}  // namespace mail::internal
