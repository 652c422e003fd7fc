#include "base/program_runner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <utility>

namespace base {
namespace {

using Clock = std::chrono::steady_clock;

constexpr char kDefaultPath[] = "PATH=/usr/local/bin:/usr/bin:/bin";
constexpr size_t kChunk = 64 * 1024;

// Closes on destruction; fd -1 is nothing.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  Fd(Fd&& other) noexcept : fd_(other.Release()) {}
  Fd& operator=(Fd&& other) noexcept {
    Reset(other.Release());
    return *this;
  }
  ~Fd() { Reset(); }
  int get() const { return fd_; }
  bool open() const { return fd_ >= 0; }
  int Release() { return std::exchange(fd_, -1); }
  void Reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_ = -1;
};

Status Errno(std::string_view what, int err) {
  std::string message = std::string(what) + ": " + std::strerror(err);
  if (err == ENOENT || err == ENOTDIR) return Status::NotFound(message);
  if (err == EACCES || err == EPERM) return Status::PermissionDenied(message);
  return Status::IOError(message);
}

// The spawn attributes and file actions, released however the spawn ends.
struct SpawnSetup {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  SpawnSetup() {
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attr);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;
};

// Appends what `fd` has to `out` up to `max` (the rest is dropped); false at end of file.
bool Drain(int fd, std::string& out, size_t max, bool& truncated) {
  char buf[kChunk];
  ssize_t n = ::read(fd, buf, sizeof buf);
  if (n < 0) return errno == EAGAIN || errno == EINTR;
  if (n == 0) return false;
  size_t room = out.size() < max ? max - out.size() : 0;
  out.append(buf, std::min(room, static_cast<size_t>(n)));
  if (static_cast<size_t>(n) > room) truncated = true;
  return true;
}

int ExitStatus(int wstatus) {
  if (WIFEXITED(wstatus)) return WEXITSTATUS(wstatus);
  if (WIFSIGNALED(wstatus)) return 128 + WTERMSIG(wstatus);
  return 255;
}

// The program's whole group: children it left behind would otherwise hold its pipes open.
int KillGroup(pid_t pid) {
  ::kill(-pid, SIGKILL);
  int wstatus = 0;
  while (::waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  return wstatus;
}

std::chrono::milliseconds Left(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() > 0 ? left : std::chrono::milliseconds(0);
}

Status TimedOut(const ProgramRun& run) {
  auto ms = run.timeout.count();
  return Status::Temporary("execution timed out after " +
                           (ms % 1000 == 0 ? std::to_string(ms / 1000) + " s"
                                           : std::to_string(ms) + " ms"));
}

}  // namespace

bool IsPlainFileName(std::string_view name) {
  return !name.empty() && name != "." && name != ".." &&
         name.find('/') == std::string_view::npos && name.find('\0') == std::string_view::npos;
}

Result<std::string> ProgramInDirectory(std::string_view dir, std::string_view name) {
  if (dir.empty()) return Err(Status::NotFound("no program directory is configured"));
  if (!IsPlainFileName(name)) {
    return Err(Status::InvalidArgument("invalid program name '" + std::string(name) + "'"));
  }
  std::string path = std::string(dir) + "/" + std::string(name);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return Err(Status::NotFound("program '" + std::string(name) + "' not found in " +
                                std::string(dir)));
  }
  if (::access(path.c_str(), X_OK) != 0) {
    return Err(Status::PermissionDenied("program '" + path + "' is not executable"));
  }
  return path;
}

Result<ProgramExit> RunProgramInDirectory(std::string_view dir, std::string_view name,
                                          ProgramRun run) {
  auto path = ProgramInDirectory(dir, name);
  if (!path) return Err(path.error());
  run.path = std::move(*path);
  return RunProgram(run);
}

Result<ProgramExit> RunProgram(const ProgramRun& run) {
  int out_pipe[2];
  int err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) return Err(Errno("pipe", errno));
  Fd out_read(out_pipe[0]), out_write(out_pipe[1]);
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) return Err(Errno("pipe", errno));
  Fd err_read(err_pipe[0]), err_write(err_pipe[1]);
  // A socket, not a pipe, for the input: send() with MSG_NOSIGNAL reports a program that
  // stopped reading as EPIPE instead of killing us with SIGPIPE. Without input the program
  // reads end of file at once (not /dev/null, which a broken system may have replaced).
  int pair[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
    return Err(Errno("socketpair", errno));
  }
  Fd in_write(pair[0]), in_read(pair[1]);
  const std::string_view input = run.input ? std::string_view(*run.input) : std::string_view();

  SpawnSetup setup;
  posix_spawn_file_actions_adddup2(&setup.actions, in_read.get(), 0);
  posix_spawn_file_actions_adddup2(&setup.actions, out_write.get(), 1);
  posix_spawn_file_actions_adddup2(&setup.actions, err_write.get(), 2);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  for (int sig : {SIGPIPE, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGCHLD, SIGALRM}) {
    sigaddset(&defaults, sig);
  }
  posix_spawnattr_setsigmask(&setup.attr, &none);
  posix_spawnattr_setsigdefault(&setup.attr, &defaults);
  posix_spawnattr_setpgroup(&setup.attr, 0);
  posix_spawnattr_setflags(&setup.attr,
                           POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);

  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(run.path.c_str()));
  for (const std::string& arg : run.args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  bool has_path = false;
  for (const std::string& var : run.env) {
    has_path = has_path || var.starts_with("PATH=");
    envp.push_back(const_cast<char*>(var.c_str()));
  }
  if (!has_path) envp.push_back(const_cast<char*>(kDefaultPath));
  envp.push_back(nullptr);

  pid_t pid = 0;
  int spawned = ::posix_spawn(&pid, run.path.c_str(), &setup.actions, &setup.attr, argv.data(),
                              envp.data());
  if (spawned != 0) return Err(Errno("cannot execute " + run.path, spawned));
  out_write.Reset();
  err_write.Reset();
  in_read.Reset();

  const Clock::time_point deadline = Clock::now() + run.timeout;
  ProgramExit exit;
  bool errors_truncated = false;
  bool input_refused = false;
  size_t written = 0;
  if (input.empty()) in_write.Reset();
  while (in_write.open() || out_read.open() || err_read.open()) {
    std::chrono::milliseconds left = Left(deadline);
    if (left.count() == 0) {
      KillGroup(pid);
      return Err(TimedOut(run));
    }
    pollfd fds[3];
    Fd* owners[3];
    nfds_t n = 0;
    if (in_write.open()) fds[n] = {in_write.get(), POLLOUT, 0}, owners[n++] = &in_write;
    if (out_read.open()) fds[n] = {out_read.get(), POLLIN, 0}, owners[n++] = &out_read;
    if (err_read.open()) fds[n] = {err_read.get(), POLLIN, 0}, owners[n++] = &err_read;
    int ready = ::poll(fds, n, static_cast<int>(left.count()));
    if (ready < 0 && errno != EINTR) {
      KillGroup(pid);
      return Err(Errno("poll", errno));
    }
    for (nfds_t i = 0; ready > 0 && i < n; ++i) {
      if (fds[i].revents == 0) continue;
      if (owners[i] == &in_write) {
        size_t len = std::min(kChunk, input.size() - written);
        ssize_t sent = ::send(in_write.get(), input.data() + written, len,
                              MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent > 0) written += static_cast<size_t>(sent);
        if (sent < 0 && errno != EAGAIN && errno != EINTR) {
          input_refused = true;
          in_write.Reset();
        } else if (written == input.size()) {
          in_write.Reset();  // end of file for the program
        }
      } else if (owners[i] == &out_read) {
        if (!Drain(out_read.get(), exit.output, run.max_output, exit.output_truncated)) {
          out_read.Reset();
        }
      } else if (!Drain(err_read.get(), exit.errors, run.max_errors, errors_truncated)) {
        err_read.Reset();
      }
    }
  }
  // Output is closed; the program may still be finishing.
  int wstatus = 0;
  for (;;) {
    pid_t done = ::waitpid(pid, &wstatus, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return Err(Errno("waitpid", errno));
    std::chrono::milliseconds left = Left(deadline);
    if (left.count() == 0) {
      KillGroup(pid);
      return Err(TimedOut(run));
    }
    ::poll(nullptr, 0, static_cast<int>(std::min<int64_t>(left.count(), 10)));
  }
  exit.status = ExitStatus(wstatus);
  if (input_refused) {
    return Err(Status::Temporary("the program did not read all of its input (exit status " +
                                 std::to_string(exit.status) + ")"));
  }
  return exit;
}

}  // namespace base
