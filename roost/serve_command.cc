#include "roost/serve_command.h"

#include <cstring>
#include <iostream>

#include "roost/daemon.h"
#include "roost/settings_loader.h"

namespace roost {
namespace {

constexpr int kExitOk = 0, kExitUsage = 64;

constexpr char kUsage[] =
    "Usage: roost [-F] [-c FILE | --embedded] [-o KEY=VALUE]... [--state-dir DIR]\n"
    "       roost serve [same options]     (the same as roost -F)\n"
    "\n"
    "Starts the Roost daemon like `dovecot`: it reads the configuration (-c FILE, else\n"
    "/etc/roost/roost.conf or /etc/dovecot/dovecot.conf, else the embedded default),\n"
    "detaches, writes base_dir/master.pid and serves\n"
    "  auth  the unix_listeners of service auth { } (default base_dir/auth-client and\n"
    "        base_dir/auth-userdb): Dovecot's auth client and auth-userdb protocols;\n"
    "  lmtp  when `protocols` lists it: the unix_listener and inet_listeners of\n"
    "        service lmtp { } (always base_dir/lmtp, mode 0666), delivering through the\n"
    "        users' Sieve scripts as roost-lda does.\n"
    "Logs go to log_path, else syslog (mail facility); with -F to stderr.\n"
    "  -F               stay in the foreground\n"
    "  --state-dir DIR  where the embedded default keeps users and sockets (/var/lib/roost)\n"
    "Signals: SIGTERM or SIGINT stop it once open sessions finish (at most 30 s); SIGHUP\n"
    "reloads the configuration (if the new one has an error, it is logged and the running\n"
    "configuration kept).\n"
    "\n"
    "Exit status: 0 the daemon is up (or, with -F, stopped by a signal); 1 the configuration,\n"
    "a listener or base_dir is unusable, or roost is already running (message on stderr);\n"
    "64 usage.\n";

}  // namespace

int ServeCommand(int argc, char** argv, char** full_argv, bool foreground) {
  DaemonOptions options;
  options.foreground = foreground;
  options.argv = full_argv;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      std::cout << kUsage;
      return kExitOk;
    }
    if (std::strcmp(argv[i], "-F") == 0) {
      options.foreground = true;
      continue;
    }
    if (TakeConfigOption(argc, argv, i, options.source)) continue;
    std::cerr << "roost: unknown or incomplete argument '" << argv[i] << "'\n" << kUsage;
    return kExitUsage;
  }
  return RunDaemon(options);
}

}  // namespace roost
