// `roost [-F] [-c FILE]...` and `roost serve`: the daemon's command line (see daemon.h).
#pragma once

namespace roost {

// argv: the options after the command word; full_argv: the whole command line, which SIGHUP
// re-executes. `foreground`: started as `roost serve`.
int ServeCommand(int argc, char** argv, char** full_argv, bool foreground);

}  // namespace roost
