#include "lmtp/lmtp_server.h"

#include <unistd.h>

#include "base/log.h"

namespace lmtp {

namespace asio = net::asio;

LmtpServer::LmtpServer(asio::io_context& io, const LmtpDelivery& delivery, SessionLimits limits,
                       std::shared_ptr<net::TlsContext> tls, size_t workers,
                       size_t max_connections)
    : io_(io),
      pool_(workers),
      context_{delivery, limits, std::move(tls), pool_, {}},
      max_connections_(max_connections),
      random_(std::random_device{}()) {}

LmtpServer::~LmtpServer() {
  StopListening();
  pool_.join();
}

base::Status LmtpServer::ListenUnix(const net::UnixListenerOptions& options) {
  auto acceptor = net::ListenUnix(io_, options);
  if (!acceptor) return acceptor.error();
  unix_acceptors_.push_back(std::make_unique<net::UnixAcceptor>(std::move(*acceptor)));
  unix_paths_.push_back(options.path);
  asio::co_spawn(io_, Accept(*unix_acceptors_.back()), asio::detached);
  return base::Status::Ok();
}

base::Status LmtpServer::ListenTcp(const std::string& address, uint16_t port) {
  auto acceptor = net::ListenTcp(io_, address, port);
  if (!acceptor) return acceptor.error();
  tcp_acceptors_.push_back(std::make_unique<net::TcpAcceptor>(std::move(*acceptor)));
  asio::co_spawn(io_, Accept(*tcp_acceptors_.back()), asio::detached);
  return base::Status::Ok();
}

void LmtpServer::StopListening() {
  boost::system::error_code ec;
  for (auto& acceptor : unix_acceptors_) acceptor->close(ec);
  for (auto& acceptor : tcp_acceptors_) acceptor->close(ec);
  for (const std::string& path : unix_paths_) unlink(path.c_str());
  unix_paths_.clear();
}

void LmtpServer::Stop() {
  StopListening();
  context_.registry.Stop();
}

std::string LmtpServer::NextSessionId() {
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
asio::awaitable<void> LmtpServer::Accept(Acceptor& acceptor) {
  for (;;) {
    boost::system::error_code ec;
    auto socket = co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
      // EMFILE and the like: wait a moment rather than spin.
      base::LogLine("lmtp: accept failed: " + ec.message());
      asio::steady_timer pause(io_, std::chrono::milliseconds(100));
      co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    net::ByteStream::Socket stream(std::move(socket));
    if (active_ >= max_connections_) {
      static constexpr char kBusy[] = "421 4.3.2 Too many connections, try again later\r\n";
      auto refused = std::make_shared<net::ByteStream::Socket>(std::move(stream));
      asio::async_write(*refused, asio::buffer(kBusy, sizeof kBusy - 1),
                        [refused](const boost::system::error_code&, size_t) {});
      base::LogLine("lmtp: connection refused: " + std::to_string(active_) +
                    " sessions already (process_limit)");
      continue;
    }
    ++active_;
    asio::co_spawn(
        io_, RunSession(context_, std::move(stream), NextSessionId()),
        [this](std::exception_ptr error) {
          --active_;
          if (error) {
            try {
              std::rethrow_exception(error);
            } catch (const std::exception& e) {
              base::LogLine(std::string("lmtp: session ended by an error: ") + e.what());
            }
          }
        });
  }
}

}  // namespace lmtp
