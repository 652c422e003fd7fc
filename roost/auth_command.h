// `roost auth test|lookup` and `roost user`: the configuration's logins and lookups from
// the command line, like doveadm's.
#pragma once

#include <string_view>

namespace roost {

// `verb` is "test", "lookup" or "user"; argv holds the arguments after it.
int AuthCommand(std::string_view verb, int argc, char** argv);

}  // namespace roost
