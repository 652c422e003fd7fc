// The MIME tree (RFC 2045/2046), parsed lazily from a message's bytes: the root part exists at
// once; children of a multipart (or message/rfc822) part are parsed on first access.
// Not thread-safe (lazy parsing mutates); owned by Message.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mail/header.h"

namespace mail {

class MimePart {
 public:
  // `raw` is the part's bytes (headers + body); it must outlive the part (Message owns it).
  explicit MimePart(std::string_view raw, bool default_message_rfc822 = false);
  // As above for a part nested `depth` levels below the root (the root is 0). At
  // kMaxMimeDepth (mail/limits.h) the part is a leaf whatever its type.
  MimePart(std::string_view raw, bool default_message_rfc822, int depth);
  MimePart(const MimePart&) = delete;
  MimePart& operator=(const MimePart&) = delete;

  const HeaderList& headers() const { return headers_; }
  // Lowercased "type/subtype"; "text/plain" when absent or invalid (RFC 2045 §5.2), and
  // "message/rfc822" inside multipart/digest.
  const std::string& content_type() const { return content_type_; }
  std::string_view type() const;     // before '/'
  std::string_view subtype() const;  // after '/'
  // Content-Type parameter (name case-insensitive, value unquoted, RFC 2231 joined); empty
  // when absent.
  std::string param(std::string_view name) const;
  // Body bytes as transmitted (after the header block's empty line).
  std::string_view raw_body() const { return body_; }
  // The whole part as transmitted: headers, separator and body.
  std::string_view raw() const { return raw_; }
  int depth() const { return depth_; }
  // Body with Content-Transfer-Encoding (base64, quoted-printable) undone; bad input decodes
  // as much as it can.
  std::string DecodedBody() const;
  // Body decoded and converted to UTF-8 using the charset parameter (text parts). A missing
  // or us-ascii charset is read as UTF-8 (a superset); an unknown one as UTF-8 with invalid
  // sequences replaced by U+FFFD.
  std::string TextBody() const;
  // True for a multipart part that has a boundary and is shallower than kMaxMimeDepth: only such
  // parts are split into children (a multipart without boundary is a leaf).
  bool is_multipart() const;
  // Children of a multipart part, or the single embedded message of message/rfc822.
  const std::vector<std::unique_ptr<MimePart>>& children() const;

 private:
  void ParseChildren() const;
  void ParseMultipart() const;
  std::string_view raw_;
  std::string_view body_;
  HeaderList headers_;
  std::string content_type_;
  std::vector<std::pair<std::string, std::string>> params_;  // lowercased names
  int depth_ = 0;
  mutable bool children_parsed_ = false;
  mutable std::vector<std::unique_ptr<MimePart>> children_;
};

}  // namespace mail
