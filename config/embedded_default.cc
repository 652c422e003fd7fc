// The configuration Roost runs with when there is no file (`roost config` and `make run`
// with nothing in /etc): everything on loopback and unprivileged ports, so a developer
// can start it as an ordinary user.
#include <string>

#include "config/settings.h"

namespace config {
namespace {

// `state_dir = ...` is put in front by LoadEmbeddedDefault; the rest refers to it.
constexpr char kText[] = R"(# Roost's embedded default: loopback only, Maildir, passwd-file users.
protocols = imap pop3 lmtp sieve
listen = 127.0.0.1
base_dir = $state_dir/run
# No certificate here, so no TLS; Dovecot treats loopback as secure for plaintext auth.
ssl = no
mail_location = maildir:~/Maildir
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = $state_dir/users
}
userdb {
  driver = passwd-file
  args = $state_dir/users
}
service imap-login {
  inet_listener imap {
    port = 10143
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 10110
  }
}
service lmtp {
  inet_listener lmtp {
    port = 10024
  }
}
service managesieve-login {
  inet_listener sieve {
    port = 4190
  }
}
service auth {
  unix_listener auth-client {
    mode = 0600
  }
  unix_listener auth-userdb {
    mode = 0600
  }
}
)";

}  // namespace

std::string_view EmbeddedDefaultText() { return kText; }

base::Result<Config> LoadEmbeddedDefault(std::string_view state_dir) {
  std::string text = "state_dir = " + std::string(state_dir) + "\n" + kText;
  return ParseString(text, kEmbeddedDefaultName);
}

}  // namespace config
