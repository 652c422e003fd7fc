#include "mail/internal/transfer_encoding.h"

#include "base/strings.h"

#include <array>
#include <cstdint>

namespace mail::internal {
namespace {

constexpr int8_t kInvalid = -1;

constexpr std::array<int8_t, 256> MakeBase64Table() {
  std::array<int8_t, 256> table{};
  for (int8_t& v : table) v = kInvalid;
  constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (size_t i = 0; i < kAlphabet.size(); ++i) {
    table[static_cast<unsigned char>(kAlphabet[i])] = static_cast<int8_t>(i);
  }
  return table;
}

constexpr std::array<int8_t, 256> kBase64 = MakeBase64Table();

// Decodes "=XX" at in[i]; -1 when malformed.
int HexPair(std::string_view in, size_t i) {
  if (in.size() < 3 || i > in.size() - 3) return -1;
  int hi = base::HexDigitValue(in[i + 1]);
  int lo = base::HexDigitValue(in[i + 2]);
  return (hi < 0 || lo < 0) ? -1 : hi * 16 + lo;
}

bool IsWsp(char c) { return c == ' ' || c == '\t'; }

}  // namespace

std::string DecodeBase64Lenient(std::string_view in) {
  std::string out;
  out.reserve(in.size() / 4 * 3 + 3);
  uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=') {  // padding: drop the partial byte, start the next quantum afresh
      acc = 0;
      bits = 0;
      continue;
    }
    int8_t v = kBase64[static_cast<unsigned char>(c)];
    if (v == kInvalid) continue;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xff));
    }
  }
  return out;
}

std::optional<std::string> DecodeBase64Strict(std::string_view in) {
  size_t data_len = in.size();
  while (data_len > 0 && in[data_len - 1] == '=') --data_len;
  size_t padding = in.size() - data_len;
  if (padding > 2 || data_len % 4 == 1) return std::nullopt;
  if (padding > 0 && (data_len + padding) % 4 != 0) return std::nullopt;
  std::string out;
  out.reserve(data_len / 4 * 3 + 2);
  uint32_t acc = 0;
  int bits = 0;
  for (size_t i = 0; i < data_len; ++i) {
    int8_t v = kBase64[static_cast<unsigned char>(in[i])];
    if (v == kInvalid) return std::nullopt;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xff));
    }
  }
  return out;
}

std::string DecodeQuotedPrintable(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  size_t pos = 0;
  while (pos < in.size()) {
    size_t lf = in.find('\n', pos);
    size_t end = lf == std::string_view::npos ? in.size() : lf;
    std::string_view line = in.substr(pos, end - pos);
    std::string_view eol = lf == std::string_view::npos ? "" : "\n";
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
      if (!eol.empty()) eol = "\r\n";
    }
    // RFC 2045 §6.7 rule 3: trailing whitespace is transport padding, never data.
    while (!line.empty() && IsWsp(line.back())) line.remove_suffix(1);
    if (!line.empty() && line.back() == '=') {  // rule 5: soft line break
      line.remove_suffix(1);
      eol = "";
    }
    for (size_t i = 0; i < line.size(); ++i) {
      int byte = line[i] == '=' ? HexPair(line, i) : -1;
      if (byte >= 0) {
        out.push_back(static_cast<char>(byte));
        i += 2;
      } else {
        out.push_back(line[i]);  // literal, including a malformed '=' (tolerated)
      }
    }
    out.append(eol);
    pos = end + (lf == std::string_view::npos ? 0 : 1);
  }
  return out;
}

std::optional<std::string> DecodeQEncoding(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '_') {
      out.push_back(' ');  // RFC 2047 §4.2 (2)
    } else if (c == '=') {
      int byte = HexPair(in, i);
      if (byte < 0) return std::nullopt;
      out.push_back(static_cast<char>(byte));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace mail::internal
