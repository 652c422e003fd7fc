// The roost daemon, started like `dovecot`: it reads the configuration, detaches (unless
// -F), writes base_dir/master.pid, serves the auth sockets and the protocols named in
// `protocols` (this build: lmtp), and answers signals: SIGTERM/SIGINT stop it cleanly
// (listeners closed, sessions finished, pid file removed), SIGHUP reloads the configuration
// (a broken one is logged and the running one kept).
#pragma once

#include "config/config_source.h"

namespace roost {

struct DaemonOptions {
  config::ConfigSource source;
  bool foreground = false;  // -F
  char** argv = nullptr;    // to re-execute on SIGHUP
};

// Exit status: 0 stopped by a signal (or, for the parent of a daemon, the daemon is up);
// 1 the configuration, a listener or the pid file is unusable, or it is already running.
int RunDaemon(const DaemonOptions& options);

}  // namespace roost
