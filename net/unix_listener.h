// A listening UNIX socket as Dovecot's `unix_listener PATH { mode user group }` makes it:
// a stale socket left by a crashed process is replaced, a live one is an error (another
// server owns it), and mode/owner are set before the first client can connect.
#pragma once

#include <string>

#include "base/result.h"
#include "net/asio.h"

namespace net {

struct UnixListenerOptions {
  std::string path;
  unsigned mode = 0600;
  std::string user;   // owner; empty keeps the process's
  std::string group;  // empty keeps the process's
};

using UnixAcceptor = asio::local::stream_protocol::acceptor;
using UnixSocket = asio::local::stream_protocol::socket;

// AlreadyExists-like InvalidArgument when a live server listens there; IOError otherwise.
base::Result<UnixAcceptor> ListenUnix(asio::io_context& io, const UnixListenerOptions& options);

// The connecting process's uid (SO_PEERCRED), or -1.
long PeerUid(UnixSocket& socket);

}  // namespace net
