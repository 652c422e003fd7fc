#include "net/byte_stream.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ssl/stream.hpp>

namespace net {

struct ByteStream::Tls {
  Tls(Socket& socket, asio::ssl::context& context) : stream(socket, context) {}
  asio::ssl::stream<Socket&> stream;
};

ByteStream::ByteStream(Socket socket) : socket_(std::move(socket)) {}
ByteStream::~ByteStream() = default;

asio::awaitable<size_t> ByteStream::ReadSome(char* data, size_t size) {
  boost::system::error_code ec;
  size_t n = 0;
  if (tls_ != nullptr) {
    n = co_await tls_->stream.async_read_some(asio::buffer(data, size),
                                              asio::redirect_error(asio::use_awaitable, ec));
  } else {
    n = co_await socket_.async_read_some(asio::buffer(data, size),
                                         asio::redirect_error(asio::use_awaitable, ec));
  }
  co_return ec && n == 0 ? 0 : n;
}

asio::awaitable<bool> ByteStream::Write(std::string_view data) {
  boost::system::error_code ec;
  if (tls_ != nullptr) {
    co_await asio::async_write(tls_->stream, asio::buffer(data.data(), data.size()),
                               asio::redirect_error(asio::use_awaitable, ec));
  } else {
    co_await asio::async_write(socket_, asio::buffer(data.data(), data.size()),
                               asio::redirect_error(asio::use_awaitable, ec));
  }
  co_return !ec;
}

asio::awaitable<bool> ByteStream::StartTls(TlsContext& context) {
  tls_ = std::make_unique<Tls>(socket_, *static_cast<asio::ssl::context*>(context.native()));
  boost::system::error_code ec;
  co_await tls_->stream.async_handshake(asio::ssl::stream_base::server,
                                        asio::redirect_error(asio::use_awaitable, ec));
  co_return !ec;
}

void ByteStream::Close() {
  boost::system::error_code ec;
  socket_.shutdown(Socket::shutdown_both, ec);
  socket_.close(ec);
}

void ByteStream::Cancel() {
  boost::system::error_code ec;
  socket_.cancel(ec);
}

std::string ByteStream::PeerAddress() const {
  sockaddr_storage storage{};
  socklen_t length = sizeof storage;
  if (getpeername(const_cast<Socket&>(socket_).native_handle(),
                  reinterpret_cast<sockaddr*>(&storage), &length) != 0) {
    return "";
  }
  if (storage.ss_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(&storage);
    return asio::ip::make_address_v4(ntohl(in->sin_addr.s_addr)).to_string();
  }
  if (storage.ss_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&storage);
    asio::ip::address_v6::bytes_type bytes;
    std::copy(std::begin(in6->sin6_addr.s6_addr), std::end(in6->sin6_addr.s6_addr), bytes.begin());
    return asio::ip::make_address_v6(bytes).to_string();
  }
  return "";
}

}  // namespace net
