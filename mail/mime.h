// The MIME tree (RFC 2045/2046), parsed lazily from a message's bytes: the root part exists at
// once; children of a multipart (or message/rfc822) part are parsed on first access.
// Not thread-safe (lazy parsing mutates); owned by Message.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mail/header.h"

namespace mail {

class MimePart {
 public:
  // `raw` is the part's bytes (headers + body); it must outlive the part (Message owns it).
  explicit MimePart(std::string_view raw, bool default_message_rfc822 = false);
  MimePart(const MimePart&) = delete;
  MimePart& operator=(const MimePart&) = delete;

  const HeaderList& headers() const { return headers_; }
  // Lowercased "type/subtype"; "text/plain" when absent or invalid (RFC 2045 §5.2), and
  // "message/rfc822" inside multipart/digest.
  const std::string& content_type() const { return content_type_; }
  std::string_view type() const;     // before '/'
  std::string_view subtype() const;  // after '/'
  // Content-Type parameter (name case-insensitive, value unquoted; RFC 2231 not yet); empty
  // when absent.
  std::string param(std::string_view name) const;
  // Body bytes as transmitted (after the header block's empty line).
  std::string_view raw_body() const { return body_; }
  // Body with Content-Transfer-Encoding (base64, quoted-printable) undone; bad input decodes
  // as much as it can.
  std::string DecodedBody() const;
  // Body decoded and converted to UTF-8 using the charset parameter (text parts).
  std::string TextBody() const;
  bool is_multipart() const;
  // Children of a multipart part, or the single embedded message of message/rfc822.
  const std::vector<std::unique_ptr<MimePart>>& children() const;

 private:
  void ParseChildren() const;
  std::string_view raw_;
  std::string_view body_;
  HeaderList headers_;
  std::string content_type_;
  mutable bool children_parsed_ = false;
  mutable std::vector<std::unique_ptr<MimePart>> children_;
};

}  // namespace mail
