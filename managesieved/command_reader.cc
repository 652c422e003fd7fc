#include "managesieved/command_reader.h"

#include <cctype>
#include <algorithm>
#include <charconv>
#include <optional>

namespace managesieved {
namespace {

using Status = ReadOutcome::Status;

// Where a literal marker "{123}" or "{123+}" ends the line: the length, else nullopt.
std::optional<uint64_t> LiteralAtEnd(std::string_view line, size_t start) {
  if (line.size() < start + 3 || line.back() != '}') return std::nullopt;
  std::string_view digits = line.substr(start + 1, line.size() - start - 2);
  if (digits.ends_with('+')) digits.remove_suffix(1);
  uint64_t size = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), size);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) {
    return std::nullopt;
  }
  return size;
}

}  // namespace

net::asio::awaitable<ReadOutcome> ReadCommand(net::StreamReader& reader, size_t max_line,
                                              size_t max_literal) {
  ReadOutcome out;
  out.status = Status::kOk;
  bool first_line = true;
  bool failed = false;
  for (;;) {
    net::StreamReader::Line line = co_await reader.ReadLine(max_line);
    if (line.status == net::StreamReader::Status::kClosed) co_return ReadOutcome{};
    if (line.status == net::StreamReader::Status::kTooLong) {
      out.status = Status::kLineTooLong;
      co_return out;
    }
    std::string_view text = line.text;
    size_t pos = 0;
    if (first_line) {
      size_t space = text.find(' ');
      std::string_view name = text.substr(0, space);
      for (char c : name) out.command.name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      pos = space == std::string_view::npos ? text.size() : space;
      first_line = false;
    }
    std::optional<uint64_t> literal;
    while (pos < text.size()) {
      if (text[pos] != ' ') {
        failed = true;
        out.error = "Expected a space between arguments";
        break;
      }
      ++pos;
      if (pos >= text.size()) break;  // a trailing space is tolerated
      if (text[pos] == '"') {
        Argument arg{true, {}};
        size_t i = pos + 1;
        bool closed = false;
        for (; i < text.size(); ++i) {
          if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == '"' || text[i + 1] == '\\')) {
            arg.text += text[++i];
          } else if (text[i] == '"') {
            closed = true;
            break;
          } else {
            arg.text += text[i];
          }
        }
        if (!closed) {
          failed = true;
          out.error = "Unterminated quoted string";
          break;
        }
        out.command.args.push_back(std::move(arg));
        pos = i + 1;
      } else if (text[pos] == '{') {
        literal = LiteralAtEnd(text, pos);
        if (!literal) {
          failed = true;
          out.error = "Invalid literal";
        }
        break;
      } else {
        size_t end = text.find(' ', pos);
        if (end == std::string_view::npos) end = text.size();
        out.command.args.push_back({false, std::string(text.substr(pos, end - pos))});
        pos = end;
      }
    }
    if (!literal) {
      if (failed && out.status == Status::kOk) out.status = Status::kSyntax;
      co_return out;
    }
    // The literal's octets follow the line; a too large one is read and dropped so the
    // connection stays in step (the client sent it without waiting: {n+}).
    Argument arg{true, {}};
    uint64_t remaining = *literal;
    bool too_large = *literal > max_literal;
    while (remaining > 0) {
      size_t slice = static_cast<size_t>(std::min<uint64_t>(remaining, 1u << 20));
      std::string dropped;
      std::string& target = too_large ? dropped : arg.text;
      bool read = co_await reader.ReadExactly(slice, target);
      if (!read) co_return ReadOutcome{};
      remaining -= slice;
    }
    if (too_large && out.status == Status::kOk) out.status = Status::kLiteralTooLarge;
    out.command.args.push_back(std::move(arg));
    // The rest of the command (more arguments, or just CRLF) is on the next line.
  }
}

}  // namespace managesieved
