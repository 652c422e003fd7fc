// The listening half of a line-protocol service (LMTP, ManageSieve): UNIX and TCP listeners,
// a cap on simultaneous connections (the extra ones get `busy_reply` and are closed), a
// random session id per connection, and one coroutine per connection on the io_context.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "base/status.h"
#include "net/asio.h"
#include "net/byte_stream.h"
#include "net/tcp_listener.h"
#include "net/unix_listener.h"

namespace net {

class ConnectionServer {
 public:
  // Serves one connection; `session_id` is 10 random letters and digits for the logs.
  using Handler = std::function<asio::awaitable<void>(ByteStream::Socket socket,
                                                      std::string session_id)>;

  // `name` prefixes log lines ("lmtp"); `busy_reply` is written whole to a refused client.
  ConnectionServer(asio::io_context& io, std::string name, size_t max_connections,
                   std::string busy_reply, Handler handler);
  ~ConnectionServer();
  ConnectionServer(const ConnectionServer&) = delete;
  ConnectionServer& operator=(const ConnectionServer&) = delete;

  base::Status ListenUnix(const UnixListenerOptions& options);
  base::Status ListenTcp(const std::string& address, uint16_t port);
  // Closes the listeners (unlinking the UNIX sockets); connections in progress go on.
  void StopListening();
  size_t active_sessions() const { return active_; }

 private:
  template <typename Acceptor>
  asio::awaitable<void> Accept(Acceptor& acceptor);
  std::string NextSessionId();

  asio::io_context& io_;
  const std::string name_;
  const size_t max_connections_;
  const std::string busy_reply_;
  Handler handler_;
  size_t active_ = 0;
  std::mt19937_64 random_;
  std::vector<std::unique_ptr<UnixAcceptor>> unix_acceptors_;
  std::vector<std::string> unix_paths_;
  std::vector<std::unique_ptr<TcpAcceptor>> tcp_acceptors_;
};

}  // namespace net
