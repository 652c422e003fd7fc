// The LMTP service of the roost daemon: the listeners of `service lmtp { }` (UNIX and inet),
// a connection limit (`process_limit` x `client_limit` in Dovecot's terms: here one number,
// answered with 421 when reached), a session id per connection, and a thread pool for the
// blocking parts of delivery. Connections run on the caller's io_context.
#pragma once

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "base/status.h"
#include "lmtp/session.h"
#include "net/asio.h"
#include "net/tcp_listener.h"
#include "net/unix_listener.h"

namespace lmtp {

class LmtpServer {
 public:
  LmtpServer(net::asio::io_context& io, const LmtpDelivery& delivery, SessionLimits limits,
             std::shared_ptr<net::TlsContext> tls, size_t workers, size_t max_connections);
  ~LmtpServer();
  LmtpServer(const LmtpServer&) = delete;
  LmtpServer& operator=(const LmtpServer&) = delete;

  base::Status ListenUnix(const net::UnixListenerOptions& options);
  base::Status ListenTcp(const std::string& address, uint16_t port);
  // Closes the listeners (unlinking the UNIX sockets); sessions in progress go on.
  void StopListening();
  // StopListening, and sessions end: idle ones now with 421, the others after their
  // transaction.
  void Stop();
  size_t active_sessions() const { return active_; }

 private:
  template <typename Acceptor>
  net::asio::awaitable<void> Accept(Acceptor& acceptor);
  std::string NextSessionId();

  net::asio::io_context& io_;
  net::asio::thread_pool pool_;
  SessionContext context_;
  const size_t max_connections_;
  size_t active_ = 0;
  std::mt19937_64 random_;
  std::vector<std::unique_ptr<net::UnixAcceptor>> unix_acceptors_;
  std::vector<std::string> unix_paths_;
  std::vector<std::unique_ptr<net::TcpAcceptor>> tcp_acceptors_;
};

}  // namespace lmtp
