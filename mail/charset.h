// Charset conversion to UTF-8 through ICU: the only place mail bytes become text
// (house rule 10).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mail {

// Converts `bytes` in `charset` (any name ICU knows, case-insensitive) to UTF-8. Returns
// nullopt when ICU does not know the charset; invalid sequences become U+FFFD.
std::optional<std::string> ToUtf8(std::string_view bytes, std::string_view charset);

}  // namespace mail
