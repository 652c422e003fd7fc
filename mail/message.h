// A mail message: owned bytes, the top-level header list (parsed at once, it is cheap) and the
// MIME tree (parsed on demand). Not thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "mail/header.h"
#include "mail/mime.h"

namespace mail {

class Message {
 public:
  explicit Message(std::string bytes);
  Message(const Message&) = delete;
  Message& operator=(const Message&) = delete;
  Message(Message&&) noexcept;
  Message& operator=(Message&&) noexcept;
  ~Message();

  const std::string& bytes() const { return bytes_; }
  size_t size() const { return bytes_.size(); }
  const HeaderList& headers() const { return headers_; }
  std::string_view body() const { return std::string_view(bytes_).substr(body_offset_); }
  // The MIME tree over bytes(), built on first call. A move keeps it when the byte buffer
  // stays put and rebuilds it lazily otherwise (short strings live inside the object).
  const MimePart& mime_root() const;

 private:
  std::string bytes_;
  HeaderList headers_;
  // An offset, not a view: views into a moved short (SSO) string would dangle.
  size_t body_offset_ = 0;
  mutable std::unique_ptr<MimePart> root_;
};

}  // namespace mail
