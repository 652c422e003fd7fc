#include "net/connection_server.h"

#include <unistd.h>

#include "base/log.h"

namespace net {

ConnectionServer::ConnectionServer(asio::io_context& io, std::string name, size_t max_connections,
                                   std::string busy_reply, Handler handler)
    : io_(io),
      name_(std::move(name)),
      max_connections_(max_connections),
      busy_reply_(std::move(busy_reply)),
      handler_(std::move(handler)),
      random_(std::random_device{}()) {}

ConnectionServer::~ConnectionServer() { StopListening(); }

base::Status ConnectionServer::ListenUnix(const UnixListenerOptions& options) {
  auto acceptor = net::ListenUnix(io_, options);
  if (!acceptor) return acceptor.error();
  unix_acceptors_.push_back(std::make_unique<UnixAcceptor>(std::move(*acceptor)));
  unix_paths_.push_back(options.path);
  asio::co_spawn(io_, Accept(*unix_acceptors_.back()), asio::detached);
  return base::Status::Ok();
}

base::Status ConnectionServer::ListenTcp(const std::string& address, uint16_t port) {
  auto acceptor = net::ListenTcp(io_, address, port);
  if (!acceptor) return acceptor.error();
  tcp_acceptors_.push_back(std::make_unique<TcpAcceptor>(std::move(*acceptor)));
  asio::co_spawn(io_, Accept(*tcp_acceptors_.back()), asio::detached);
  return base::Status::Ok();
}

void ConnectionServer::StopListening() {
  boost::system::error_code ec;
  for (auto& acceptor : unix_acceptors_) acceptor->close(ec);
  for (auto& acceptor : tcp_acceptors_) acceptor->close(ec);
  for (const std::string& path : unix_paths_) unlink(path.c_str());
  unix_paths_.clear();
}

std::string ConnectionServer::NextSessionId() {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string id;
  uint64_t bits = random_();
  for (int i = 0; i < 10; ++i) {
    id += kAlphabet[bits % 62];
    bits /= 62;
  }
  return id;
}

template <typename Acceptor>
asio::awaitable<void> ConnectionServer::Accept(Acceptor& acceptor) {
  for (;;) {
    boost::system::error_code ec;
    auto socket = co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
      // EMFILE and the like: wait a moment rather than spin.
      base::LogLine(name_ + ": accept failed: " + ec.message());
      asio::steady_timer pause(io_, std::chrono::milliseconds(100));
      co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    ByteStream::Socket stream(std::move(socket));
    if (active_ >= max_connections_) {
      auto refused = std::make_shared<ByteStream::Socket>(std::move(stream));
      asio::async_write(*refused, asio::buffer(busy_reply_),
                        [refused](const boost::system::error_code&, size_t) {});
      base::LogLine(name_ + ": connection refused: " + std::to_string(active_) +
                    " sessions already (process_limit)");
      continue;
    }
    ++active_;
    asio::co_spawn(io_, handler_(std::move(stream), NextSessionId()),
                   [this](std::exception_ptr error) {
                     --active_;
                     if (!error) return;
                     try {
                       std::rethrow_exception(error);
                     } catch (const std::exception& e) {
                       base::LogLine(name_ + ": session ended by an error: " + e.what());
                     }
                   });
  }
}

}  // namespace net
