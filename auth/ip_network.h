// IP networks as Dovecot writes them in allow_nets and login_trusted_networks:
// "192.0.2.0/24 2001:db8::/32 127.0.0.1 local", separated by spaces or commas.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace auth {

class IpNetworks {
 public:
  // InvalidArgument naming the entry that is not an address or a network.
  static base::Result<IpNetworks> Parse(std::string_view list);

  // Whether `ip` (textual IPv4 or IPv6) is inside one of the networks. An empty `ip` (a UNIX
  // socket, a local process) matches only when the list says "local".
  bool Contains(std::string_view ip) const;
  bool empty() const { return networks_.empty() && !local_; }

 private:
  struct Network {
    std::array<uint8_t, 16> bytes{};
    unsigned bits = 0;  // prefix length over the 16-byte (IPv4-mapped) form
  };
  std::vector<Network> networks_;
  bool local_ = false;
};

}  // namespace auth
