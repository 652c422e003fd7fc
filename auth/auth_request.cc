#include "auth/auth_request.h"

namespace auth {

const std::string* FindField(const Fields& fields, std::string_view key) {
  for (auto it = fields.rbegin(); it != fields.rend(); ++it) {
    if (it->first == key) return &it->second;
  }
  return nullptr;
}

}  // namespace auth
