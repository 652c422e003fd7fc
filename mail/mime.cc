#include "mail/mime.h"

#include "base/strings.h"
#include "mail/charset.h"
#include "mail/internal/content_type.h"
#include "mail/internal/transfer_encoding.h"
#include "mail/limits.h"

namespace mail {
namespace {

// A boundary delimiter line (RFC 2046 §5.1.1): "--" boundary, then "--" for the close
// delimiter, then optional transport padding. The CRLF before it belongs to the delimiter.
enum class Delimiter { kNone, kPart, kClose };

Delimiter MatchDelimiter(std::string_view line, std::string_view boundary) {
  if (line.size() < boundary.size() + 2 || !line.starts_with("--") ||
      line.substr(2, boundary.size()) != boundary) {
    return Delimiter::kNone;
  }
  std::string_view rest = line.substr(boundary.size() + 2);
  if (rest.starts_with("--")) return Delimiter::kClose;
  for (char c : rest) {
    // A longer boundary that merely starts with ours is not ours.
    if (c != ' ' && c != '\t' && c != '\r') return Delimiter::kNone;
  }
  return Delimiter::kPart;
}

// Splits a multipart body into its body parts; preamble and epilogue are dropped, and a
// missing close delimiter ends the last part at the end of the body.
std::vector<std::string_view> SplitMultipart(std::string_view body, std::string_view boundary) {
  std::vector<std::string_view> parts;
  size_t part_start = std::string_view::npos;  // npos while in the preamble
  size_t pos = 0;
  while (pos < body.size()) {
    size_t lf = body.find('\n', pos);
    size_t line_end = lf == std::string_view::npos ? body.size() : lf;
    size_t next = lf == std::string_view::npos ? body.size() : lf + 1;
    Delimiter d = body[pos] == '-' ? MatchDelimiter(body.substr(pos, line_end - pos), boundary)
                                   : Delimiter::kNone;
    if (d != Delimiter::kNone) {
      if (part_start != std::string_view::npos) {
        size_t end = pos;  // drop the line break that precedes the delimiter
        if (end > part_start && body[end - 1] == '\n') --end;
        if (end > part_start && body[end - 1] == '\r') --end;
        parts.push_back(body.substr(part_start, end - part_start));
      }
      if (d == Delimiter::kClose || parts.size() >= kMaxMimeChildren) return parts;
      part_start = next;
    }
    pos = next;
  }
  if (part_start != std::string_view::npos && part_start <= body.size()) {
    parts.push_back(body.substr(part_start));
  }
  return parts;
}

}  // namespace

MimePart::MimePart(std::string_view raw, bool default_message_rfc822)
    : MimePart(raw, default_message_rfc822, 0) {}

MimePart::MimePart(std::string_view raw, bool default_message_rfc822, int depth)
    : raw_(raw), depth_(depth) {
  HeaderSection section = ParseHeaderSection(raw);
  headers_ = std::move(section.headers);
  body_ = raw.substr(section.body_offset);
  internal::ContentType ct = internal::ParseContentType(headers_.GetFirst("Content-Type"));
  if (ct.valid) {
    content_type_ = ct.type + "/" + ct.subtype;
    params_ = std::move(ct.params);
  } else {
    // RFC 2045 §5.2 default; RFC 2046 §5.1.5 default inside multipart/digest.
    content_type_ = default_message_rfc822 ? "message/rfc822" : "text/plain";
  }
}

std::string_view MimePart::type() const {
  std::string_view ct = content_type_;
  return ct.substr(0, ct.find('/'));
}

std::string_view MimePart::subtype() const {
  std::string_view ct = content_type_;
  size_t slash = ct.find('/');
  return slash == std::string_view::npos ? std::string_view() : ct.substr(slash + 1);
}

std::string MimePart::param(std::string_view name) const {
  for (const auto& [key, value] : params_) {
    if (base::EqualsIgnoreCase(key, name)) return value;
  }
  return {};
}

std::string MimePart::DecodedBody() const {
  std::string cte = internal::ParseTransferEncoding(headers_.GetFirst("Content-Transfer-Encoding"));
  if (cte == "base64") return internal::DecodeBase64Lenient(body_);
  if (cte == "quoted-printable") return internal::DecodeQuotedPrintable(body_);
  return std::string(body_);  // 7bit, 8bit, binary and unknown encodings: as is
}

std::string MimePart::TextBody() const {
  std::string decoded = DecodedBody();
  std::string charset = param("charset");
  if (charset.empty() || base::EqualsIgnoreCase(charset, "us-ascii")) charset = "utf-8";
  std::optional<std::string> text = ToUtf8(decoded, charset);
  if (!text) text = ToUtf8(decoded, "utf-8");
  return text ? std::move(*text) : std::string();
}

bool MimePart::is_multipart() const {
  return depth_ < kMaxMimeDepth && type() == "multipart" && !param("boundary").empty();
}

const std::vector<std::unique_ptr<MimePart>>& MimePart::children() const {
  if (!children_parsed_) {
    children_parsed_ = true;
    ParseChildren();
  }
  return children_;
}

void MimePart::ParseChildren() const {
  if (depth_ >= kMaxMimeDepth) return;
  if (is_multipart()) {
    ParseMultipart();
  } else if (content_type_ == "message/rfc822") {
    children_.push_back(std::make_unique<MimePart>(body_, false, depth_ + 1));
  }
}

void MimePart::ParseMultipart() const {
  bool digest = subtype() == "digest";  // RFC 2046 §5.1.5
  for (std::string_view raw : SplitMultipart(body_, param("boundary"))) {
    children_.push_back(std::make_unique<MimePart>(raw, digest, depth_ + 1));
  }
}

}  // namespace mail
