#include "base/log.h"

#include <ctime>
#include <mutex>
#include <string>

#include <syslog.h>
#include <unistd.h>

#include <atomic>

namespace base {
namespace {
std::atomic<bool> use_syslog{false};
}  // namespace

void LogToSyslog(const char* ident) {
  openlog(ident, LOG_PID | LOG_NDELAY, LOG_MAIL);
  use_syslog = true;
}

void LogLine(std::string_view line) {
  static std::mutex mutex;
  if (use_syslog) {
    std::string text;
    for (char c : line) text.push_back(static_cast<unsigned char>(c) < 0x20 ? '?' : c);
    syslog(LOG_INFO, "%s", text.c_str());
    return;
  }
  char stamp[32];
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  size_t n = std::strftime(stamp, sizeof stamp, "%b %d %H:%M:%S ", &tm);
  std::string out(stamp, n);
  for (char c : line) out.push_back(static_cast<unsigned char>(c) < 0x20 ? '?' : c);
  out.push_back('\n');
  std::lock_guard lock(mutex);
  size_t done = 0;
  while (done < out.size()) {
    ssize_t w = write(STDERR_FILENO, out.data() + done, out.size() - done);
    if (w <= 0) break;
    done += static_cast<size_t>(w);
  }
}

}  // namespace base
