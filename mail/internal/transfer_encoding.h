// Base64 and quoted-printable decoders (RFC 2045 §6.7-6.8, RFC 2047 §4): lenient variants for
// bodies, strict ones for encoded-words. Internal to mail/.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mail::internal {

// RFC 2045 §6.8: characters outside the alphabet are ignored; '=' ends a quantum so that
// concatenated padded blocks still decode. Never fails.
std::string DecodeBase64Lenient(std::string_view in);

// RFC 2047 §4.1 "B": nullopt on any character outside the alphabet, misplaced padding or an
// impossible length. Missing trailing padding is accepted.
std::optional<std::string> DecodeBase64Strict(std::string_view in);

// RFC 2045 §6.7: soft line breaks removed, =XX decoded (either case), trailing whitespace on a
// line dropped; a malformed '=' is kept literally. Line ends are kept as written.
std::string DecodeQuotedPrintable(std::string_view in);

// RFC 2047 §4.2 "Q": '_' is 0x20, =XX is a byte; nullopt on a malformed '='.
std::optional<std::string> DecodeQEncoding(std::string_view in);

}  // namespace mail::internal
