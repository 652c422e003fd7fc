// RFC 2047 encoded-words in header values, decoded to UTF-8 through ICU (any charset ICU
// knows). Bad or unknown encodings are kept as raw text; never fails.
#pragma once

#include <string>
#include <string_view>

namespace mail {

// Decodes every encoded-word of an unstructured value; whitespace between adjacent
// encoded-words is dropped (RFC 2047 §6.2). Fast path: returns the input when it has no "=?".
std::string DecodeEncodedWords(std::string_view value);

// Encodes a UTF-8 unstructured value for a header field (RFC 2047 §5(1)): the stretch from
// the first to the last word with 8-bit bytes becomes "Q"-encoded UTF-8 encoded-words of at
// most 75 characters (§2), separated by spaces so that the field can be folded between them;
// the words around it stay as they are. Returns the input when it is all ASCII.
std::string EncodeEncodedWords(std::string_view utf8);

}  // namespace mail
