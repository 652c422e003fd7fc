#include "mail/encoded_words.h"

#include <optional>

#include "base/strings.h"
#include "mail/charset.h"
#include "mail/internal/transfer_encoding.h"

namespace mail {
namespace {

bool IsWsp(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool IsAllWsp(std::string_view s) {
  for (char c : s) {
    if (!IsWsp(c)) return false;
  }
  return true;
}

// One well-formed encoded-word: value[begin, end) is "=?charset?X?text?=".
struct EncodedWord {
  size_t begin = 0;
  size_t end = 0;
  std::string_view charset;  // RFC 2231 §5 language suffix ("*en") removed
  std::string bytes;         // decoded, still in `charset`
};

// RFC 2047 §2: encoded-word = "=?" charset "?" encoding "?" encoded-text "?=". The text may
// not contain '?', which is what makes the end unambiguous. Spaces inside the text are
// tolerated (common in broken mailers). nullopt when `pos` does not start a decodable word.
std::optional<EncodedWord> ParseWordAt(std::string_view value, size_t pos) {
  size_t q1 = value.find('?', pos + 2);
  if (q1 == std::string_view::npos || q1 == pos + 2) return std::nullopt;
  std::string_view charset = value.substr(pos + 2, q1 - pos - 2);
  for (char c : charset) {
    if (IsWsp(c) || c == '=') return std::nullopt;
  }
  if (q1 + 2 >= value.size() || value[q1 + 2] != '?') return std::nullopt;
  char encoding = base::AsciiUpper(value[q1 + 1]);
  size_t text_begin = q1 + 3;
  size_t q3 = value.find('?', text_begin);
  if (q3 == std::string_view::npos || q3 + 1 >= value.size() || value[q3 + 1] != '=') {
    return std::nullopt;
  }
  std::string_view text = value.substr(text_begin, q3 - text_begin);
  std::optional<std::string> bytes;
  if (encoding == 'B') {
    bytes = internal::DecodeBase64Strict(text);
  } else if (encoding == 'Q') {
    bytes = internal::DecodeQEncoding(text);
  }
  if (!bytes) return std::nullopt;
  size_t star = charset.find('*');
  if (star != std::string_view::npos) charset = charset.substr(0, star);
  if (charset.empty()) return std::nullopt;
  return EncodedWord{pos, q3 + 2, charset, std::move(*bytes)};
}

// Adjacent words in one charset are converted together: a multi-byte character may be split
// across words (RFC 2047 §5 forbids it, mailers do it anyway).
class Run {
 public:
  bool active() const { return active_; }
  bool Continues(const EncodedWord& word) const {
    return active_ && base::EqualsIgnoreCase(charset_, word.charset);
  }
  // `raw_begin` is where the raw fallback starts: before the word, or before the whitespace
  // that was dropped in front of it.
  void Start(EncodedWord&& word, size_t raw_begin) {
    active_ = true;
    charset_ = word.charset;
    bytes_ = std::move(word.bytes);
    begin_ = raw_begin;
    end_ = word.end;
  }
  void Extend(const EncodedWord& word) {
    bytes_ += word.bytes;
    end_ = word.end;
  }
  // Appends the run as UTF-8, or its raw text when ICU does not know the charset. Returns
  // whether it was decoded (false too when there was no run).
  bool Flush(std::string_view value, std::string& out) {
    if (!active_) return false;
    active_ = false;
    std::optional<std::string> text = ToUtf8(bytes_, charset_);
    if (!text) {
      out.append(value.substr(begin_, end_ - begin_));
      return false;
    }
    out += *text;
    return true;
  }

 private:
  bool active_ = false;
  std::string_view charset_;
  std::string bytes_;
  size_t begin_ = 0;
  size_t end_ = 0;
};

bool Is8Bit(char c) { return static_cast<unsigned char>(c) >= 0x80; }

// RFC 2047 §4.2 "Q": characters safe in a phrase stay, space becomes '_', the rest =XX.
void AppendQ(std::string_view chunk, std::string& out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char c : chunk) {
    if (base::IsAsciiAlpha(c) || base::IsAsciiDigit(c) || c == '!' || c == '*' || c == '+' ||
        c == '-' || c == '/') {
      out += c;
    } else if (c == ' ') {
      out += '_';
    } else {
      auto byte = static_cast<unsigned char>(c);
      out += '=';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xf];
    }
  }
}

size_t QLength(char c) {
  return base::IsAsciiAlpha(c) || base::IsAsciiDigit(c) || c == ' ' || c == '!' || c == '*' ||
                 c == '+' || c == '-' || c == '/'
             ? 1
             : 3;
}

}  // namespace

std::string EncodeEncodedWords(std::string_view utf8) {
  size_t first = std::string_view::npos;
  size_t last = 0;
  for (size_t i = 0; i < utf8.size(); ++i) {
    if (!Is8Bit(utf8[i])) continue;
    if (first == std::string_view::npos) first = i;
    last = i;
  }
  if (first == std::string_view::npos) return std::string(utf8);
  // Widen to whole words.
  while (first > 0 && !IsWsp(utf8[first - 1])) --first;
  while (last + 1 < utf8.size() && !IsWsp(utf8[last + 1])) ++last;
  std::string_view text = utf8.substr(first, last + 1 - first);
  constexpr std::string_view kPrefix = "=?utf-8?q?";
  constexpr size_t kMaxWord = 75;  // RFC 2047 §2
  constexpr size_t kRoom = kMaxWord - kPrefix.size() - 2;
  std::string out(utf8.substr(0, first));
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = pos;
    size_t used = 0;
    while (end < text.size()) {
      // A UTF-8 sequence is never split across two words (§5(3)).
      size_t seq = end + 1;
      while (seq < text.size() && (static_cast<unsigned char>(text[seq]) & 0xc0) == 0x80) ++seq;
      size_t cost = 0;
      for (size_t k = end; k < seq; ++k) cost += QLength(text[k]);
      if (used + cost > kRoom && end > pos) break;
      used += cost;
      end = seq;
    }
    if (pos > 0) out += ' ';
    out += kPrefix;
    AppendQ(text.substr(pos, end - pos), out);
    out += "?=";
    pos = end;
  }
  out.append(utf8.substr(last + 1));
  return out;
}

std::string DecodeEncodedWords(std::string_view value) {
  size_t pos = value.find("=?");
  if (pos == std::string_view::npos) return std::string(value);
  std::string out;
  out.reserve(value.size());
  Run run;
  size_t raw_start = 0;  // start of text not yet copied to `out` or to the run
  while (pos != std::string_view::npos) {
    std::optional<EncodedWord> word = ParseWordAt(value, pos);
    if (!word) {
      pos = value.find("=?", pos + 1);
      continue;
    }
    std::string_view gap = value.substr(raw_start, pos - raw_start);
    bool adjacent = run.active() && IsAllWsp(gap);  // RFC 2047 §6.2: drop the gap
    if (adjacent && run.Continues(*word)) {
      run.Extend(*word);
    } else {
      // The gap goes only when the words on both sides decode; a raw word keeps its spacing.
      bool drop_gap = run.Flush(value, out) && adjacent;
      if (!drop_gap) out.append(gap);
      run.Start(std::move(*word), drop_gap ? raw_start : pos);
    }
    raw_start = word->end;
    pos = value.find("=?", raw_start);
  }
  run.Flush(value, out);
  out.append(value.substr(raw_start));
  return out;
}

}  // namespace mail
