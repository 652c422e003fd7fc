#include "auth/db/request_vars.h"

namespace auth {

config::VarValues RequestVars(const AuthRequest& request) {
  config::VarValues vars;
  config::SetUser(vars, request.user);
  vars.values["service"] = request.service;
  vars.values["rip"] = request.remote_ip;
  vars.values["lip"] = request.local_ip;
  vars.values["password"] = request.password;
  vars.values["secured"] = request.secured ? "secured" : "";
  return vars;
}

base::Result<std::string> ExpandForRequest(std::string_view text, const AuthRequest& request) {
  if (text.find('%') == std::string_view::npos) return std::string(text);
  return config::ExpandVariables(text, RequestVars(request));
}

}  // namespace auth
