#include "base/status.h"

namespace base {

std::string Status::ToString() const {
  const char* name = "OK";
  switch (code_) {
    case Code::kOk: return "OK";
    case Code::kNotFound: name = "NotFound"; break;
    case Code::kInvalidArgument: name = "InvalidArgument"; break;
    case Code::kCorruption: name = "Corruption"; break;
    case Code::kIOError: name = "IOError"; break;
    case Code::kPermissionDenied: name = "PermissionDenied"; break;
    case Code::kQuotaExceeded: name = "QuotaExceeded"; break;
    case Code::kTemporary: name = "Temporary"; break;
    case Code::kUnsupported: name = "Unsupported"; break;
  }
  return std::string(name) + ": " + message_;
}

}  // namespace base
