// The "value; name=param" shape of Content-Type and Content-Disposition (RFC 2045 §5.1,
// RFC 2183 §2), read leniently for filters: the leading value may lack a subtype
// ("inline"), parameters keep their order, quotes and comments are removed. The grammar is
// the one mail/ parses Content-Type with.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mail {

struct StructuredHeader {
  std::string type;     // lowercased, before '/' (the whole value for Content-Disposition)
  std::string subtype;  // lowercased, after '/'; empty when there is none
  std::vector<std::pair<std::string, std::string>> params;  // lowercased names, unquoted
};

StructuredHeader ParseStructuredHeader(std::string_view value);

}  // namespace mail
