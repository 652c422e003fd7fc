#include "net/tcp_listener.h"

#include <boost/asio/ip/v6_only.hpp>

namespace net {

base::Result<TcpAcceptor> ListenTcp(asio::io_context& io, const std::string& address,
                                    uint16_t port) {
  boost::system::error_code ec;
  asio::ip::address ip;
  if (address == "*" || address.empty()) {
    ip = asio::ip::address_v4::any();
  } else if (address == "::" || address == "[::]") {
    ip = asio::ip::address_v6::any();
  } else {
    std::string literal = address;
    if (literal.size() > 2 && literal.front() == '[' && literal.back() == ']') {
      literal = literal.substr(1, literal.size() - 2);
    }
    ip = asio::ip::make_address(literal, ec);
    if (ec) {
      return base::Err(base::Status::InvalidArgument("listen address '" + address +
                                                     "' is not an IP address"));
    }
  }
  asio::ip::tcp::endpoint endpoint(ip, port);
  std::string where = (ip.is_v6() ? "[" + ip.to_string() + "]" : ip.to_string()) + ":" +
                      std::to_string(port);
  TcpAcceptor acceptor(io);
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec && ip.is_v6()) acceptor.set_option(asio::ip::v6_only(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return base::Err(base::Status::IOError("listen on " + where + ": " + ec.message()));
  return acceptor;
}

}  // namespace net
