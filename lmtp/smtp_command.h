// The pieces of an SMTP/LMTP command line (RFC 5321 §4.1): the verb, and for MAIL and RCPT
// the path in angle brackets followed by ESMTP parameters (SIZE=, BODY=, ORCPT=...).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace lmtp {

struct SmtpCommand {
  std::string verb;  // upper case
  std::string args;  // the rest of the line after one space, as sent
};
SmtpCommand SplitCommand(std::string_view line);

struct PathArgument {
  std::string path;                           // "<a@b>", "<>"; as sent, brackets included
  std::map<std::string, std::string> params;  // keyword upper-cased -> value ("" if none)
};
// "FROM:<a@b> SIZE=10" with prefix "FROM:" (case-insensitive; RFC 5321 allows no space after
// the colon, many clients send one, so one is tolerated). nullopt when it is malformed: no
// prefix, no closing '>', or a parameter that is not keyword[=value].
std::optional<PathArgument> ParsePathArgument(std::string_view args, std::string_view prefix);

// RFC 3461 §4 xtext ("a+2Bb" -> "a+b"); nullopt for a malformed "+XX".
std::optional<std::string> DecodeXtext(std::string_view text);

}  // namespace lmtp
