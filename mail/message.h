// A mail message: owned bytes, the top-level header list (parsed at once, it is cheap) and the
// MIME tree (parsed on demand). Not thread-safe.
#pragma once

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
  std::string_view body() const { return body_; }
  const MimePart& mime_root() const;

 private:
  std::string bytes_;
  HeaderList headers_;
  std::string_view body_;
  mutable std::unique_ptr<MimePart> root_;
};

}  // namespace mail
