// The auth service of the roost daemon: UNIX sockets speaking Dovecot's auth client
// protocol (Postfix `smtpd_sasl_type = dovecot`, Roost's own login services) and its
// auth-userdb protocol (roost-lda and other lookups), in front of one Authenticator.
// Connections live on the io_context thread; database lookups and password hashing run on
// a worker pool (auth_worker_max_count threads), as Dovecot's auth-worker processes do.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

#include "auth/authenticator.h"
#include "base/status.h"
#include "net/asio.h"
#include "net/thread_pool_call.h"
#include "net/unix_listener.h"

namespace authd {

namespace asio = net::asio;

// Which protocol a listener speaks. Dovecot decides by the listener's name: "auth-userdb"
// and "auth-master" are userdb sockets, anything else ("auth-client", Postfix's
// private/auth) a client socket.
enum class ListenerKind { kClient, kUserdb };
ListenerKind KindForListener(const std::string& path);

class AuthServer {
 public:
  static constexpr size_t kMaxLineLength = 16384;      // Dovecot's client line limit
  static constexpr size_t kMaxConnections = 4096;      // service auth { client_limit }
  static constexpr size_t kMaxPendingPerConnection = 256;

  AuthServer(asio::io_context& io, auth::Authenticator& authenticator);
  ~AuthServer();
  AuthServer(const AuthServer&) = delete;
  AuthServer& operator=(const AuthServer&) = delete;

  base::Status Listen(const net::UnixListenerOptions& options, ListenerKind kind);

  // Runs `work` on the worker pool and resumes the caller on the io_context; runs it right
  // here when the Authenticator's databases never wait on the network.
  template <typename F>
  asio::awaitable<std::invoke_result_t<F&>> OffThread(F work) {
    if (!use_workers_) co_return work();
    co_return co_await net::CallOnPool(workers_, work);
  }

  asio::io_context& io() { return io_; }
  auth::Authenticator& authenticator() { return authenticator_; }
  uint64_t NextConnectionId() { return ++last_connection_id_; }
  const std::string& cookie() const { return cookie_; }
  // Connection accounting for kMaxConnections.
  bool Admit();
  void Release();

 private:
  asio::awaitable<void> Accept(net::UnixAcceptor acceptor, ListenerKind kind, std::string path);

  asio::io_context& io_;
  auth::Authenticator& authenticator_;
  const bool use_workers_;
  asio::thread_pool workers_;
  std::string cookie_;
  uint64_t last_connection_id_ = 0;
  size_t connections_ = 0;
};

// The per-connection protocols (client_connection.cc, userdb_connection.cc).
asio::awaitable<void> ServeClient(AuthServer& server, net::UnixSocket socket, uint64_t id);
asio::awaitable<void> ServeUserdb(AuthServer& server, net::UnixSocket socket, uint64_t id);

}  // namespace authd
