// `roost config`: the configuration Roost reads, printed like `doveconf -n`.
#pragma once

namespace roost {

int ConfigCommand(int argc, char** argv);

}  // namespace roost
