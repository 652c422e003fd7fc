// The %variables of a login (%u %n %d %s %r %l %w ...) for driver args and queries.
#pragma once

#include <string>
#include <string_view>

#include "auth/auth_request.h"
#include "base/result.h"
#include "config/var_expand.h"

namespace auth {

config::VarValues RequestVars(const AuthRequest& request);

// `text` with the request's variables expanded; InvalidArgument for an unknown variable.
base::Result<std::string> ExpandForRequest(std::string_view text, const AuthRequest& request);

}  // namespace auth
