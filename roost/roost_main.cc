// roost: the daemon and its admin subcommands. This build has the admin subcommands `config`
// and `pw`; the services (LMTP, ManageSieve, IMAP, POP3) arrive with their issues.
#include <cstring>
#include <iostream>

#include "roost/config_command.h"
#include "roost/pw_command.h"

namespace {

constexpr char kUsage[] =
    "Usage: roost COMMAND [ARGS]\n"
    "\n"
    "Commands:\n"
    "  config  print the configuration like `doveconf -n` (roost config --help)\n"
    "  pw      hash or check a password like `doveadm pw` (roost pw --help)\n"
    "\n"
    "Exit status: that of the command; 64 for an unknown command.\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    (argc < 2 ? std::cerr : std::cout) << kUsage;
    return argc < 2 ? 64 : 0;
  }
  if (std::strcmp(argv[1], "pw") == 0) return roost::PwCommand(argc - 2, argv + 2);
  if (std::strcmp(argv[1], "config") == 0) return roost::ConfigCommand(argc - 2, argv + 2);
  std::cerr << "roost: unknown command '" << argv[1] << "'\n" << kUsage;
  return 64;
}
