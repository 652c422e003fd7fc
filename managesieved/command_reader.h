// Reading one ManageSieve command (RFC 5804 §4): a command name, then arguments that are
// atoms (numbers, or names like LAST), quoted strings ("a \"b\"") or literals ({5+} or {5}
// followed by CRLF and that many octets; this server sends no continuation for either, as
// Pigeonhole does). A literal may span lines; the command ends at the CRLF after the last
// argument.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "net/asio.h"
#include "net/stream_reader.h"

namespace managesieved {

struct Argument {
  bool is_string = false;  // quoted string or literal (else an atom)
  std::string text;
};

struct Command {
  std::string name;  // upper case
  std::vector<Argument> args;
};

struct ReadOutcome {
  enum class Status {
    kOk,
    kClosed,           // the peer left
    kLineTooLong,      // a line over managesieve_max_line_length (consumed)
    kLiteralTooLarge,  // a literal over the limit (its octets consumed)
    kSyntax,           // `error` says what
  };
  Status status = Status::kClosed;
  Command command;
  std::string error;
};

// Reads up to the end of one command. Errors leave the stream at the start of the next one.
net::asio::awaitable<ReadOutcome> ReadCommand(net::StreamReader& reader, size_t max_line,
                                              size_t max_literal);

}  // namespace managesieved
