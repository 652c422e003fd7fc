#include "roost/detacher.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

namespace roost {

base::Status Detacher::Detach() {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return base::Status::IOError(std::strerror(errno));
  pid_t pid = fork();
  if (pid < 0) return base::Status::IOError(std::string("fork: ") + std::strerror(errno));
  if (pid > 0) {
    close(fds[1]);
    std::string report;
    char buffer[512];
    ssize_t n;
    while ((n = read(fds[0], buffer, sizeof buffer)) > 0) report.append(buffer, n);
    if (report == "up") _exit(0);
    std::cerr << (report.empty() ? "roost: the daemon exited while starting\n" : report);
    _exit(1);
  }
  close(fds[0]);
  report_fd_ = fds[1];
  setsid();
  if (chdir("/") != 0) return base::Status::IOError("chdir /");
  int null = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null >= 0) {
    dup2(null, STDIN_FILENO);
    dup2(null, STDOUT_FILENO);
    close(null);
  }
  return base::Status::Ok();
}

void Detacher::Report(const std::string& text) {
  if (report_fd_ < 0) return;
  (void)!write(report_fd_, text.data(), text.size());
  close(report_fd_);
  report_fd_ = -1;
}

}  // namespace roost
