// `roost pw`: hash a password, or check one against a hash, the way `doveadm pw` does.
#pragma once

namespace roost {

int PwCommand(int argc, char** argv);

}  // namespace roost
