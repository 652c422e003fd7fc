// The LMTP service of the roost daemon: the listeners of `service lmtp { }` (UNIX and inet)
// through net::ConnectionServer (connection limit `process_limit`, answered with 421), the
// sessions' shared context, and a thread pool for the blocking parts of delivery.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/status.h"
#include "lmtp/session.h"
#include "net/asio.h"
#include "net/connection_server.h"

namespace lmtp {

class LmtpServer {
 public:
  LmtpServer(net::asio::io_context& io, const LmtpDelivery& delivery, SessionLimits limits,
             std::shared_ptr<net::TlsContext> tls, size_t workers, size_t max_connections);
  ~LmtpServer();
  LmtpServer(const LmtpServer&) = delete;
  LmtpServer& operator=(const LmtpServer&) = delete;

  // Where the listeners are added.
  net::ConnectionServer& connections() { return connections_; }
  void StopListening() { connections_.StopListening(); }
  // StopListening, and sessions end: idle ones now with 421, the others after their
  // transaction.
  void Stop();
  size_t active_sessions() const { return connections_.active_sessions(); }

 private:
  net::asio::thread_pool pool_;
  SessionContext context_;
  net::ConnectionServer connections_;
};

}  // namespace lmtp
