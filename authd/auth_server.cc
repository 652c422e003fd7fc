#include "authd/auth_server.h"

#include <unistd.h>

#include <algorithm>
#include <thread>

#include "auth/password_scheme.h"
#include "base/log.h"
#include "base/strings.h"

namespace authd {

ListenerKind KindForListener(const std::string& path) {
  std::string name = path.substr(path.rfind('/') + 1);
  return name == "auth-userdb" || name == "auth-master" ? ListenerKind::kUserdb
                                                         : ListenerKind::kClient;
}

namespace {

// More threads than the SQL connections plus the cores only queue and context-switch
// (measured: MySQL logins/s peak at 4 workers with 4 connections on 2 cores).
unsigned WorkerCount(const auth::Authenticator& authenticator) {
  if (!authenticator.MayBlock()) return 1;
  unsigned useful = std::thread::hardware_concurrency() + 4;
  return std::clamp(authenticator.settings().worker_max_count, 1u, useful);
}

}  // namespace

AuthServer::AuthServer(asio::io_context& io, auth::Authenticator& authenticator)
    : io_(io),
      authenticator_(authenticator),
      use_workers_(authenticator.MayBlock()),
      workers_(WorkerCount(authenticator)),
      cookie_(base::HexEncode(auth::SystemRandomBytes(16))) {}

AuthServer::~AuthServer() {
  workers_.stop();
  workers_.join();
}

base::Status AuthServer::Listen(const net::UnixListenerOptions& options, ListenerKind kind) {
  auto acceptor = net::ListenUnix(io_, options);
  if (!acceptor) return acceptor.error();
  asio::co_spawn(io_, Accept(std::move(*acceptor), kind, options.path), asio::detached);
  base::LogLine("auth: listening on " + options.path +
                (kind == ListenerKind::kUserdb ? " (userdb)" : " (client)"));
  return base::Status::Ok();
}

bool AuthServer::Admit() {
  if (connections_ >= kMaxConnections) return false;
  ++connections_;
  return true;
}

void AuthServer::Release() { --connections_; }

asio::awaitable<void> AuthServer::Accept(net::UnixAcceptor acceptor, ListenerKind kind,
                                         std::string path) {
  while (true) {
    boost::system::error_code ec;
    net::UnixSocket socket = co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      if (ec == asio::error::operation_aborted) co_return;
      base::LogLine("auth: accept on " + path + ": " + ec.message());
      continue;
    }
    if (!Admit()) {
      base::LogLine("auth: " + path + ": connection refused, client_limit " +
                    std::to_string(kMaxConnections) + " reached");
      continue;  // the socket closes here
    }
    uint64_t id = NextConnectionId();
    auto serve = kind == ListenerKind::kUserdb ? ServeUserdb(*this, std::move(socket), id)
                                               : ServeClient(*this, std::move(socket), id);
    asio::co_spawn(io_, std::move(serve), [this](std::exception_ptr error) {
      Release();
      if (error) {
        try {
          std::rethrow_exception(error);
        } catch (const std::exception& e) {
          base::LogLine(std::string("auth: connection ended by an internal error: ") + e.what());
        }
      }
    });
  }
}

}  // namespace authd
