// One ManageSieve connection (RFC 5804): CAPABILITY, STARTTLS (capabilities sent again
// after the handshake), AUTHENTICATE with SASL-IR through the Authenticator, LOGOUT, NOOP,
// UNAUTHENTICATE, and for an authenticated user HAVESPACE, PUTSCRIPT, LISTSCRIPTS,
// SETACTIVE, GETSCRIPT, DELETESCRIPT, RENAMESCRIPT and CHECKSCRIPT on the user's script
// store, scripts checked with the same compiler delivery uses. Every error gets NO (with the
// RFC's response code) and the connection stays usable; only LOGOUT, the idle timeout and
// too many errors end it (BYE).
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>

#include "auth/authenticator.h"
#include "auth/mail_identity.h"
#include "net/asio.h"
#include "net/byte_stream.h"
#include "net/session_state.h"
#include "net/tls_context.h"
#include "sieve-lang/sieve.h"
#include "storage/script_store.h"

namespace managesieved {

struct ManageSieveSettings {
  std::string implementation = "Roost";      // managesieve_implementation_string
  std::string sieve_capability;              // managesieve_sieve_capability (else the engine's)
  std::string notify_capability = "mailto";  // managesieve_notify_capability
  size_t max_line_length = 65536;            // managesieve_max_line_length
  size_t max_compile_errors = 5;             // managesieve_max_compile_errors
  size_t max_script_size = 1 << 20;          // sieve_max_script_size
  unsigned max_redirects = 4;                // sieve_max_redirects
  storage::ScriptQuota quota;                // sieve_quota_max_scripts, sieve_quota_max_storage
  std::map<std::string, std::string> plugin; // sieve = file:~/sieve;active=~/.dovecot.sieve
  std::string hostname;
  size_t max_bad_commands = 20;
  std::chrono::seconds idle_timeout{1800};
  bool ssl_required = false;               // ssl = required: loopback is not secure either
  size_t max_userip_connections = 10;      // mail_max_userip_connections (0 = unlimited)
  // Whom a root daemon runs the script commands as: mail_uid/mail_gid, first/last_valid_uid/gid.
  auth::MailIdentityRules identity;
};

struct SessionContext {
  auth::Authenticator& authenticator;
  const sieve::Engine& engine;
  ManageSieveSettings settings;
  std::shared_ptr<net::TlsContext> tls;  // null: no STARTTLS
  net::asio::thread_pool& pool;
  net::SessionRegistry registry;
  // Logged-in sessions per user and remote IP, for mail_max_userip_connections.
  std::map<std::string, size_t> logins;
};

net::asio::awaitable<void> RunSession(SessionContext& context, net::ByteStream::Socket socket,
                                      std::string session_id);

// The user's script store from the `sieve` setting (file:DIR;active=LINK, `~` = home).
storage::ScriptStore StoreFor(const ManageSieveSettings& settings, const std::string& home);

}  // namespace managesieved
