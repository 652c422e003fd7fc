// A listening TCP socket as Dovecot's `inet_listener NAME { address port }` makes one:
// address "*" is every IPv4 address, "::" every IPv6 one, anything else a literal address.
#pragma once

#include <cstdint>
#include <string>

#include <boost/asio/ip/tcp.hpp>

#include "base/result.h"
#include "net/asio.h"

namespace net {

using TcpAcceptor = asio::ip::tcp::acceptor;

// InvalidArgument for an address that is not one; IOError (with strerror) when bind or
// listen fails, e.g. the port is taken.
base::Result<TcpAcceptor> ListenTcp(asio::io_context& io, const std::string& address,
                                    uint16_t port);

}  // namespace net
