// Line-at-a-time reading and writing on a stream socket, with a limit on line length so a
// peer cannot grow the buffer without bound. Lines end with LF; a CR before it is dropped.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "net/asio.h"

namespace net {

template <typename Socket>
class LineStream {
 public:
  LineStream(Socket socket, size_t max_line) : socket_(std::move(socket)), max_line_(max_line) {}

  enum class ReadError { kClosed, kTooLong };
  struct Line {
    std::optional<std::string> text;  // nullopt: see error
    ReadError error = ReadError::kClosed;
  };

  asio::awaitable<Line> ReadLine() {
    boost::system::error_code ec;
    size_t n = co_await asio::async_read_until(socket_, asio::dynamic_buffer(buffer_, max_line_),
                                               '\n', asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      co_return Line{std::nullopt, ec == asio::error::not_found ? ReadError::kTooLong
                                                                 : ReadError::kClosed};
    }
    std::string line = buffer_.substr(0, n - 1);
    buffer_.erase(0, n);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    co_return Line{std::move(line)};
  }

  // False when the peer is gone.
  asio::awaitable<bool> Write(std::string data) {
    boost::system::error_code ec;
    co_await asio::async_write(socket_, asio::buffer(data),
                               asio::redirect_error(asio::use_awaitable, ec));
    co_return !ec;
  }

  Socket& socket() { return socket_; }

 private:
  Socket socket_;
  const size_t max_line_;
  std::string buffer_;
};

}  // namespace net
