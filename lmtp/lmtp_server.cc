#include "lmtp/lmtp_server.h"

namespace lmtp {

LmtpServer::LmtpServer(net::asio::io_context& io, const LmtpDelivery& delivery,
                       SessionLimits limits, std::shared_ptr<net::TlsContext> tls, size_t workers,
                       size_t max_connections)
    : pool_(workers),
      context_{delivery, limits, std::move(tls), pool_, {}},
      connections_(io, "lmtp", max_connections,
                   "421 4.3.2 Too many connections, try again later\r\n",
                   [this](net::ByteStream::Socket socket, std::string id) {
                     return RunSession(context_, std::move(socket), std::move(id));
                   }) {}

LmtpServer::~LmtpServer() {
  StopListening();
  pool_.join();
}

void LmtpServer::Stop() {
  StopListening();
  context_.registry.Stop();
}

}  // namespace lmtp
