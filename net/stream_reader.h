// Buffered reading from a ByteStream for line protocols that also carry counted chunks
// (LMTP's BDAT, ManageSieve's literals): lines of bounded length, exact byte counts, and a
// way to drop what a client pipelined before STARTTLS (RFC 3207 §4.2).
#pragma once

#include <cstddef>
#include <string>

#include "net/asio.h"
#include "net/byte_stream.h"

namespace net {

class StreamReader {
 public:
  explicit StreamReader(ByteStream& stream) : stream_(stream) {}

  enum class Status { kOk, kTooLong, kClosed };
  struct Line {
    Status status = Status::kClosed;
    std::string text;       // without the line end
    bool crlf = false;      // the line ended in CR LF (else a bare LF)
  };
  // One line of at most `max_length` bytes before its end. A longer line is consumed up to
  // its end and reported as kTooLong, so the connection stays in step with the client.
  asio::awaitable<Line> ReadLine(size_t max_length);
  // Exactly `size` bytes appended to `out`; false when the peer closed first.
  asio::awaitable<bool> ReadExactly(size_t size, std::string& out);
  // Forgets whatever was received and not read yet.
  void DropBuffered() { buffer_.clear(), start_ = 0; }
  bool HasBuffered() const { return start_ < buffer_.size(); }

 private:
  asio::awaitable<bool> Fill();
  void Compact();

  ByteStream& stream_;
  std::string buffer_;
  size_t start_ = 0;  // bytes before this were read already
};

}  // namespace net
