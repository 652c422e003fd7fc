// `roost serve`: the daemon in the foreground.
#pragma once

namespace roost {

int ServeCommand(int argc, char** argv);

}  // namespace roost
