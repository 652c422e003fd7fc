#include "mail/message.h"

#include <utility>

namespace mail {

Message::Message(std::string bytes) : bytes_(std::move(bytes)) {
  HeaderSection section = ParseHeaderSection(bytes_);
  headers_ = std::move(section.headers);
  body_offset_ = section.body_offset;
}

Message::Message(Message&& other) noexcept { *this = std::move(other); }

Message& Message::operator=(Message&& other) noexcept {
  if (this == &other) return *this;
  const char* old_data = other.bytes_.data();
  bytes_ = std::move(other.bytes_);
  headers_ = std::move(other.headers_);
  body_offset_ = std::exchange(other.body_offset_, 0);
  // The tree holds views into the buffer: keep it only if the buffer did not move.
  root_ = bytes_.data() == old_data ? std::move(other.root_) : nullptr;
  other.root_.reset();
  other.bytes_.clear();
  return *this;
}

Message::~Message() = default;

const MimePart& Message::mime_root() const {
  if (!root_) root_ = std::make_unique<MimePart>(bytes_);
  return *root_;
}

}  // namespace mail
