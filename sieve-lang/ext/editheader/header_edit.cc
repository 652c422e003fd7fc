// The raw-message side of editheader (RFC 5293): splitting a message at its header fields,
// writing a new field, and joining the pieces again. Pure functions over bytes.
#include "base/strings.h"
#include "mail/encoded_words.h"
#include "mail/header.h"
#include "sieve-lang/ext/editheader/editheader.h"
#include "sieve-lang/validator.h"

namespace sieve::ext {
namespace {

bool IsWsp(char c) { return c == ' ' || c == '\t'; }

// RFC 5322 §2.1.1: lines SHOULD stay within 78 characters.
constexpr size_t kFoldWidth = 78;

// The line starting at `pos`, with its line end.
std::string_view LineAt(std::string_view raw, size_t pos) {
  size_t end = raw.find('\n', pos);
  return raw.substr(pos, end == std::string_view::npos ? std::string_view::npos : end + 1 - pos);
}

bool IsEmptyLine(std::string_view line) { return line == "\n" || line == "\r\n"; }

bool LooksLikeField(std::string_view line) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (char c : line.substr(0, colon)) {
    if (c == '\r' || c == '\n') return false;
  }
  return !IsWsp(line.front());
}

// The value as one logical line: each line break becomes folding (a continuation line that
// starts without whitespace gets a space), trailing breaks and whitespace go.
std::string Unbroken(std::string_view value) {
  std::string out;
  size_t pos = 0;
  while (pos <= value.size()) {
    size_t end = value.find_first_of("\r\n", pos);
    std::string_view line =
        value.substr(pos, end == std::string_view::npos ? value.npos : end - pos);
    if (pos > 0 && !line.empty() && !IsWsp(line.front())) out += ' ';
    out.append(line);
    if (end == std::string_view::npos) break;
    pos = end + 1;
    if (value[end] == '\r' && pos < value.size() && value[pos] == '\n') ++pos;
  }
  while (!out.empty() && IsWsp(out.back())) out.pop_back();
  return out;
}

}  // namespace

bool IsValidFieldValue(std::string_view value) {
  bool eight_bit = false;
  for (char c : value) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\r' && c != '\n') return false;
    if (byte >= 0x80) eight_bit = true;
  }
  return !eight_bit || base::IsValidUtf8(value);
}

std::string Sanitized(std::string_view text) {
  constexpr size_t kMax = 80;
  std::string out;
  for (char c : text.substr(0, kMax)) {
    out += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
  }
  if (text.size() > kMax) out += "...";
  return out;
}

bool KnownAtRunTime(const ValidationContext& ctx, std::string_view text) {
  return ctx.IsLoaded("variables") && text.find("${") != std::string_view::npos;
}

RawHeader SplitHeader(std::string_view raw) {
  RawHeader out;
  size_t first_break = raw.find('\n');
  out.eol =
      first_break != std::string_view::npos && (first_break == 0 || raw[first_break - 1] != '\r')
          ? "\n"
          : "\r\n";
  size_t pos = 0;
  while (pos < raw.size()) {
    std::string_view line = LineAt(raw, pos);
    if (IsEmptyLine(line)) break;
    if (!out.fields.empty() && IsWsp(line.front())) {
      std::string_view& last = out.fields.back();
      last = raw.substr(last.data() - raw.data(), last.size() + line.size());
    } else if (LooksLikeField(line)) {
      out.fields.push_back(line);
    } else if (out.fields.empty()) {
      break;  // no header section at all: everything is body
    } else {
      out.fields.push_back(line);  // a stray line inside the header: kept, never matched
    }
    pos += line.size();
  }
  out.rest = raw.substr(pos);
  return out;
}

std::string_view FieldName(std::string_view field) {
  size_t colon = field.find(':');
  if (colon == std::string_view::npos) return {};
  std::string_view name = field.substr(0, colon);
  while (!name.empty() && IsWsp(name.back())) name.remove_suffix(1);
  return name;
}

std::string FieldValue(std::string_view field) {
  mail::HeaderList list = mail::HeaderList::Parse(field);
  if (list.fields().empty()) return {};
  return mail::DecodeEncodedWords(list.fields().front().value);
}

std::string JoinHeader(const std::vector<std::string_view>& fields, std::string_view rest,
                       std::string_view eol) {
  std::string out;
  size_t size = rest.size() + eol.size();
  for (std::string_view field : fields) size += field.size() + eol.size();
  out.reserve(size);
  for (std::string_view field : fields) {
    out.append(field);
    if (field.empty() || field.back() != '\n') out.append(eol);
  }
  bool separated = rest.empty() || rest.front() == '\n' || rest.starts_with("\r\n");
  if (!fields.empty() && !separated) out.append(eol);
  out.append(rest);
  return out;
}

std::string FormatField(std::string_view name, std::string_view value, std::string_view eol) {
  std::string logical = mail::EncodeEncodedWords(Unbroken(value));
  std::string out(name);
  out += ": ";
  size_t line_len = out.size();
  bool has_content = false;  // whether the current line holds part of the value yet
  size_t pos = 0;
  while (pos < logical.size()) {
    // The next chunk: whitespace and the word after it; folding goes before the whitespace.
    size_t end = pos;
    while (end < logical.size() && IsWsp(logical[end])) ++end;
    while (end < logical.size() && !IsWsp(logical[end])) ++end;
    std::string_view chunk = std::string_view(logical).substr(pos, end - pos);
    if (has_content && IsWsp(chunk.front()) && line_len + chunk.size() > kFoldWidth) {
      out += eol;
      line_len = 0;
    }
    out += chunk;
    line_len += chunk.size();
    has_content = true;
    pos = end;
  }
  out += eol;
  return out;
}

}  // namespace sieve::ext
