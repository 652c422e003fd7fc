#include "managesieved/managesieve_server.h"

#include "managesieved/response.h"

namespace managesieved {

ManageSieveServer::ManageSieveServer(net::asio::io_context& io, auth::Authenticator& authenticator,
                                     const sieve::Engine& engine, ManageSieveSettings settings,
                                     std::shared_ptr<net::TlsContext> tls,
                                     size_t max_connections)
    : pool_(8),
      context_{authenticator, engine, std::move(settings), std::move(tls), pool_, {}},
      connections_(io, "managesieve", max_connections,
                   Bye("Too many connections, try again later.", "TRYLATER"),
                   [this](net::ByteStream::Socket socket, std::string id) {
                     return RunSession(context_, std::move(socket), std::move(id));
                   }) {}

ManageSieveServer::~ManageSieveServer() {
  connections_.StopListening();
  pool_.join();
}

void ManageSieveServer::Stop() {
  connections_.StopListening();
  context_.registry.Stop();
}

}  // namespace managesieved
