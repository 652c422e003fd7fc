#include "lda/outgoing.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "base/strings.h"

extern char** environ;

namespace lda {

base::Status SendmailOutgoing::Send(std::string_view from, const std::vector<std::string>& to,
                                    std::string_view message) {
  std::vector<std::string> args;
  for (std::string_view word : base::SplitString(path_, ' ')) {
    if (!word.empty()) args.emplace_back(word);
  }
  if (args.empty()) return base::Status::InvalidArgument("sendmail_path is empty");
  args.insert(args.end(), {"-i", "-f", from.empty() ? "<>" : std::string(from), "--"});
  args.insert(args.end(), to.begin(), to.end());
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    return base::Status::Temporary(std::string("pipe: ") + std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[0], STDIN_FILENO);
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[0]);
  if (spawned != 0) {
    close(pipe_fds[1]);
    return base::Status::Temporary(args[0] + ": " + std::strerror(spawned));
  }
  // A sendmail that exits early must not kill us with SIGPIPE.
  struct sigaction ignore {}, old {};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &ignore, &old);
  size_t done = 0;
  bool write_failed = false;
  while (done < message.size()) {
    ssize_t n = write(pipe_fds[1], message.data() + done, message.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      write_failed = true;
      break;
    }
    done += static_cast<size_t>(n);
  }
  close(pipe_fds[1]);
  sigaction(SIGPIPE, &old, nullptr);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (write_failed || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return base::Status::Temporary(args[0] + " failed (exit status " +
                                   std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) +
                                   ")");
  }
  return base::Status::Ok();
}

}  // namespace lda
