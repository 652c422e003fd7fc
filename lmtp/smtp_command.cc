#include "lmtp/smtp_command.h"

#include <cctype>

namespace lmtp {
namespace {

bool IsKeywordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; }

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;  // RFC 3461: upper-case hex only
}

}  // namespace

SmtpCommand SplitCommand(std::string_view line) {
  size_t space = line.find(' ');
  SmtpCommand command;
  command.verb = Upper(line.substr(0, space));
  if (space != std::string_view::npos) command.args = std::string(line.substr(space + 1));
  return command;
}

std::optional<PathArgument> ParsePathArgument(std::string_view args, std::string_view prefix) {
  if (args.size() < prefix.size() || Upper(args.substr(0, prefix.size())) != Upper(prefix)) {
    return std::nullopt;
  }
  args.remove_prefix(prefix.size());
  if (args.starts_with(' ')) args.remove_prefix(1);
  if (!args.starts_with('<')) return std::nullopt;
  // The closing '>' is the first one outside a quoted local part.
  bool quoted = false;
  size_t end = std::string_view::npos;
  for (size_t i = 1; i < args.size(); ++i) {
    char c = args[i];
    if (quoted && c == '\\') {
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == '>' && !quoted) {
      end = i;
      break;
    }
  }
  if (end == std::string_view::npos) return std::nullopt;
  PathArgument result;
  result.path = std::string(args.substr(0, end + 1));
  std::string_view rest = args.substr(end + 1);
  while (!rest.empty()) {
    if (rest.front() != ' ') return std::nullopt;
    while (rest.starts_with(' ')) rest.remove_prefix(1);
    if (rest.empty()) break;
    size_t next = rest.find(' ');
    std::string_view param = rest.substr(0, next);
    rest = next == std::string_view::npos ? std::string_view() : rest.substr(next);
    size_t equals = param.find('=');
    std::string_view keyword = param.substr(0, equals);
    if (keyword.empty()) return std::nullopt;
    for (char c : keyword) {
      if (!IsKeywordChar(c)) return std::nullopt;
    }
    result.params[Upper(keyword)] =
        equals == std::string_view::npos ? std::string() : std::string(param.substr(equals + 1));
  }
  return result;
}

std::optional<std::string> DecodeXtext(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '+') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    int high = HexValue(text[i + 1]);
    int low = HexValue(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

}  // namespace lmtp
