// RFC 2047 encoded-words in header values, decoded to UTF-8 through ICU (any charset ICU
// knows). Bad or unknown encodings are kept as raw text; never fails.
#pragma once

#include <string>
#include <string_view>

namespace mail {

// Decodes every encoded-word of an unstructured value; whitespace between adjacent
// encoded-words is dropped (RFC 2047 §6.2). Fast path: returns the input when it has no "=?".
std::string DecodeEncodedWords(std::string_view value);

}  // namespace mail
