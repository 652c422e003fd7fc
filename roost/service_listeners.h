// The listeners a `service NAME { }` block declares, as Dovecot reads them: each
// `unix_listener PATH { mode user group }` (a relative path is under base_dir) and each
// `inet_listener NAME { address port }` (no address: the top-level `listen`, "*, ::" by
// default; port 0 turns the listener off).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "config/settings.h"
#include "net/unix_listener.h"

namespace roost {

struct InetListener {
  std::string name;
  std::string address;
  uint16_t port = 0;
};

struct ServiceListeners {
  std::vector<net::UnixListenerOptions> unix_listeners;
  std::vector<InetListener> inet_listeners;  // one per address
};

// InvalidArgument naming the listener for a port or mode that is not a number.
base::Result<ServiceListeners> ListenersOf(const config::Settings& settings,
                                           std::string_view service);

}  // namespace roost
