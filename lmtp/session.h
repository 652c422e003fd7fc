// One LMTP connection (RFC 2033 over RFC 5321): LHLO, MAIL, RCPT, DATA or BDAT chunks
// (RFC 3030), RSET, NOOP, VRFY, QUIT and STARTTLS (RFC 3207), with pipelined commands
// answered in order (RFC 2920) and, after the message, one reply per accepted recipient.
// Every limit is enforced with the RFC's reply and the connection stays usable where the
// RFC allows it.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "lmtp/lmtp_delivery.h"
#include "net/asio.h"
#include "net/byte_stream.h"
#include "net/session_state.h"
#include "net/tls_context.h"

namespace lmtp {

struct SessionLimits {
  size_t max_line_length = 4096;            // a command line, CRLF excluded
  size_t max_recipients = 1000;             // per transaction; more get 452 4.5.3
  size_t max_message_size = 256u << 20;     // the SIZE advertised; more gets 552 5.3.4
  size_t max_bad_commands = 20;             // then 421 and the connection is closed
  std::chrono::seconds idle_timeout{300};   // no command for this long: 421 and close
};

// What every session shares: the deliveries, TLS, the pool that runs blocking work.
struct SessionContext {
  const LmtpDelivery& delivery;
  SessionLimits limits;
  std::shared_ptr<net::TlsContext> tls;  // null: no STARTTLS
  net::asio::thread_pool& pool;
  net::SessionRegistry registry;
};

// Serves the connection until QUIT, a fatal error, the idle timeout, or the peer leaving.
net::asio::awaitable<void> RunSession(SessionContext& context, net::ByteStream::Socket socket,
                                      std::string session_id);

}  // namespace lmtp
