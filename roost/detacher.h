// Detaching like `dovecot`: the parent waits until the child reports that it is up (exit 0)
// or why it is not (the text printed, exit 1), over a pipe, so `roost -c FILE && ...` can
// trust the status.
#pragma once

#include <string>

#include "base/status.h"

namespace roost {

class Detacher {
 public:
  // Forks; the parent never returns from here. The child gets a new session, / as its
  // directory and /dev/null as stdin/stdout.
  base::Status Detach();
  // The child's report: "up", or the error text. Once only.
  void Report(const std::string& text);
  bool detached() const { return report_fd_ >= 0; }

 private:
  int report_fd_ = -1;
};

}  // namespace roost
