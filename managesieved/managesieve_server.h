// The ManageSieve service of the roost daemon: the listeners of
// `service managesieve-login { inet_listener sieve { port = 4190 } }` through
// net::ConnectionServer, the sessions' shared context, and a small pool for logins.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "managesieved/session.h"
#include "net/connection_server.h"

namespace managesieved {

class ManageSieveServer {
 public:
  ManageSieveServer(net::asio::io_context& io, auth::Authenticator& authenticator,
                    const sieve::Engine& engine, ManageSieveSettings settings,
                    std::shared_ptr<net::TlsContext> tls, size_t max_connections);
  ~ManageSieveServer();
  ManageSieveServer(const ManageSieveServer&) = delete;
  ManageSieveServer& operator=(const ManageSieveServer&) = delete;

  // Where the listeners are added.
  net::ConnectionServer& connections() { return connections_; }
  // Listeners closed; idle sessions get BYE (TRYLATER) at once, busy ones after their command.
  void Stop();
  size_t active_sessions() const { return connections_.active_sessions(); }

 private:
  net::asio::thread_pool pool_;
  SessionContext context_;
  net::ConnectionServer connections_;
};

}  // namespace managesieved
