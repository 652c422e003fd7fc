#include "managesieved/response.h"

namespace managesieved {
namespace {

std::string Status(std::string_view word, std::string_view text, std::string_view code) {
  std::string line(word);
  if (!code.empty()) line += " (" + std::string(code) + ")";
  if (!text.empty()) line += " " + String(text);
  return line + "\r\n";
}

}  // namespace

std::string String(std::string_view text) {
  bool literal = text.size() > 1024;
  for (char c : text) literal |= c == '\r' || c == '\n' || c == '\0';
  if (literal) return "{" + std::to_string(text.size()) + "}\r\n" + std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string Ok(std::string_view text, std::string_view code) { return Status("OK", text, code); }
std::string No(std::string_view text, std::string_view code) { return Status("NO", text, code); }
std::string Bye(std::string_view text, std::string_view code) { return Status("BYE", text, code); }

}  // namespace managesieved
