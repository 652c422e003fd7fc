// ManageSieve responses (RFC 5804 §1.3, §4): every status line is built here, so quoting and
// response codes are right everywhere. Strings go out quoted when they can be, else as a
// literal {n}.
#pragma once

#include <string>
#include <string_view>

namespace managesieved {

// "text" with " and \ escaped, or {n}CRLF text when it holds CR, LF or NUL or is long.
std::string String(std::string_view text);

// OK / NO / BYE with an optional response code ("QUOTA/MAXSIZE", "TAG \"x\"", "WARNINGS")
// and human-readable text, CRLF-terminated.
std::string Ok(std::string_view text, std::string_view code = {});
std::string No(std::string_view text, std::string_view code = {});
std::string Bye(std::string_view text, std::string_view code = {});

}  // namespace managesieved
