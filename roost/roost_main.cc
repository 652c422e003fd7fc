// roost: the daemon (`roost [-F] [-c FILE]`, like `dovecot`) and its admin subcommands. The
// daemon serves the auth sockets and LMTP; ManageSieve, IMAP and POP3 arrive with their issues.
#include <cstring>
#include <iostream>

#include "roost/auth_command.h"
#include "roost/config_command.h"
#include "roost/pw_command.h"
#include "roost/serve_command.h"

namespace {

constexpr char kUsage[] =
    "Usage: roost [-F] [-c FILE] [-o KEY=VALUE]...   start the daemon (roost serve --help)\n"
    "       roost COMMAND [ARGS]\n"
    "\n"
    "Commands:\n"
    "  serve   run the daemon in the foreground, as roost -F (roost serve --help)\n"
    "  config  print the configuration like `doveconf -n` (roost config --help)\n"
    "  auth    test a login or look a user up in the passdb (roost auth --help)\n"
    "  user    look a user up in the userdb like `doveadm user` (roost user --help)\n"
    "  pw      hash or check a password like `doveadm pw` (roost pw --help)\n"
    "\n"
    "Exit status: that of the command; 64 for an unknown command.\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
    std::cout << kUsage;
    return 0;
  }
  // Like `dovecot`: no command word starts the daemon.
  if (argc < 2 || argv[1][0] == '-') return roost::ServeCommand(argc - 1, argv + 1, argv, false);
  if (std::strcmp(argv[1], "pw") == 0) return roost::PwCommand(argc - 2, argv + 2);
  if (std::strcmp(argv[1], "config") == 0) return roost::ConfigCommand(argc - 2, argv + 2);
  if (std::strcmp(argv[1], "serve") == 0) {
    return roost::ServeCommand(argc - 2, argv + 2, argv, true);
  }
  if (std::strcmp(argv[1], "user") == 0) return roost::AuthCommand("user", argc - 2, argv + 2);
  if (std::strcmp(argv[1], "auth") == 0) {
    if (argc >= 3 && (std::strcmp(argv[2], "test") == 0 || std::strcmp(argv[2], "lookup") == 0)) {
      return roost::AuthCommand(argv[2], argc - 3, argv + 3);
    }
    return roost::AuthCommand("help", argc >= 3 ? 1 : 0, argv + 2);
  }
  std::cerr << "roost: unknown command '" << argv[1] << "'\n" << kUsage;
  return 64;
}
