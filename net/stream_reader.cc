#include "net/stream_reader.h"

#include <algorithm>
#include <cstring>

namespace net {
namespace {
constexpr size_t kReadSize = 64 * 1024;
}  // namespace

void StreamReader::Compact() {
  if (start_ == 0) return;
  if (start_ >= buffer_.size()) {
    buffer_.clear();
  } else {
    buffer_.erase(0, start_);
  }
  start_ = 0;
}

asio::awaitable<bool> StreamReader::Fill() {
  if (start_ > kReadSize) Compact();
  size_t old_size = buffer_.size();
  buffer_.resize(old_size + kReadSize);
  size_t n = co_await stream_.ReadSome(buffer_.data() + old_size, kReadSize);
  buffer_.resize(old_size + n);
  co_return n > 0;
}

asio::awaitable<StreamReader::Line> StreamReader::ReadLine(size_t max_length) {
  size_t scanned = start_;
  bool too_long = false;
  for (;;) {
    const char* base = buffer_.data();
    const void* lf = std::memchr(base + scanned, '\n', buffer_.size() - scanned);
    if (lf != nullptr) {
      size_t end = static_cast<size_t>(static_cast<const char*>(lf) - base);
      Line line;
      line.crlf = end > start_ && buffer_[end - 1] == '\r';
      size_t text_end = line.crlf ? end - 1 : end;
      if (too_long || text_end - start_ > max_length) {
        line.status = Status::kTooLong;
      } else {
        line.status = Status::kOk;
        line.text.assign(buffer_, start_, text_end - start_);
      }
      start_ = end + 1;
      co_return line;
    }
    // Without a line end in sight, a line already over the limit is dropped as it arrives
    // (one trailing CR is kept: it may belong to the CR LF).
    if (buffer_.size() - start_ > max_length + 1) {
      too_long = true;
      start_ = buffer_.size() - 1;
    }
    scanned = buffer_.size();
    size_t offset = scanned - start_;
    bool filled = co_await Fill();
    if (!filled) co_return Line{};
    scanned = start_ + offset;
  }
}

asio::awaitable<bool> StreamReader::ReadExactly(size_t size, std::string& out) {
  while (size > 0) {
    if (start_ >= buffer_.size()) {
      buffer_.clear();
      start_ = 0;
      bool filled = co_await Fill();
      if (!filled) co_return false;
    }
    size_t take = std::min(size, buffer_.size() - start_);
    out.append(buffer_, start_, take);
    start_ += take;
    size -= take;
  }
  co_return true;
}

}  // namespace net
