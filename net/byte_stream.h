// A connection's byte stream, plain or TLS, whatever socket it came from (TCP or UNIX). TLS
// starts in place (STARTTLS): the same object then reads and writes through OpenSSL.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include <boost/asio/generic/stream_protocol.hpp>

#include "net/asio.h"
#include "net/tls_context.h"

namespace net {

class ByteStream {
 public:
  using Socket = asio::generic::stream_protocol::socket;

  explicit ByteStream(Socket socket);
  ~ByteStream();
  ByteStream(const ByteStream&) = delete;
  ByteStream& operator=(const ByteStream&) = delete;

  // Up to `size` bytes; 0 when the peer closed or the connection failed.
  asio::awaitable<size_t> ReadSome(char* data, size_t size);
  // False when the peer is gone.
  asio::awaitable<bool> Write(std::string_view data);
  // The server side of a TLS handshake on this connection; false (and the connection is
  // unusable) when it fails.
  asio::awaitable<bool> StartTls(TlsContext& context);
  bool tls() const { return tls_ != nullptr; }
  void Close();
  // Makes a pending read or write finish at once (as if the peer had gone).
  void Cancel();

  // "192.0.2.1" for TCP; "" for a UNIX socket.
  std::string PeerAddress() const;
  Socket& socket() { return socket_; }

 private:
  struct Tls;
  Socket socket_;
  std::unique_ptr<Tls> tls_;
};

}  // namespace net
