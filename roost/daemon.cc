#include "roost/daemon.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include "authd/auth_server.h"
#include "base/fs.h"
#include "base/log.h"
#include "base/thread_identity.h"
#include "config/values.h"
#include "lda/delivery.h"
#include "lda/lda_setup.h"
#include "lmtp/lmtp_delivery.h"
#include "lmtp/lmtp_server.h"
#include "managesieved/managesieve_server.h"
#include "net/tls_context.h"
#include "roost/detacher.h"
#include "roost/service_listeners.h"
#include "roost/service_settings.h"

namespace roost {
namespace {

namespace asio = net::asio;
constexpr int kExitOk = 0, kExitFailure = 1;
constexpr char kReexecEnv[] = "ROOST_REEXEC";
constexpr auto kDrainTime = std::chrono::seconds(30);

bool Has(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// The pid in `path` when that process still runs.
std::optional<pid_t> RunningPid(const std::string& path) {
  auto text = base::ReadFile(path);
  if (!text) return std::nullopt;
  long pid = std::strtol(text->c_str(), nullptr, 10);
  if (pid <= 0 || pid == getpid()) return std::nullopt;
  if (kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) return std::nullopt;
  return static_cast<pid_t>(pid);
}

// Where log lines go: log_path (a file, opened as stderr), syslog for a detached daemon
// without one, else stderr as it is.
base::Status SetUpLog(const config::Settings& settings, bool detached) {
  // Dovecot's default log_path is syslog; in the foreground, unless a configuration says so,
  // the lines go to the terminal.
  std::string path = settings.IsSet("log_path") ? settings.Get("log_path") : "";
  if (path == "syslog" || (path.empty() && detached)) {
    base::LogToSyslog("roost");
    return base::Status::Ok();
  }
  if (path.empty() || path == "/dev/stderr") return base::Status::Ok();
  int fd = open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
  if (fd < 0) return base::Status::IOError("log_path " + path + ": " + std::strerror(errno));
  dup2(fd, STDERR_FILENO);
  close(fd);
  return base::Status::Ok();
}

// Everything the daemon runs, built from one configuration.
class Daemon {
 public:
  explicit Daemon(const DaemonOptions& options) : options_(options) {}

  base::Status Start(const config::Settings& settings);
  base::Status StartManageSieve(const config::Settings& settings);
  // Every listener of `listeners` on `server`; UNIX socket paths are removed at the end.
  base::Status Listen(net::ConnectionServer& server, const ServiceListeners& listeners,
                      const std::string& name);
  int Run();
  // Removes the sockets (and pid file) this process created.
  void Cleanup() { RemoveFiles(); }

 private:
  asio::awaitable<void> Drain();
  asio::awaitable<void> HandleSignals();
  void RemoveFiles();

  const DaemonOptions& options_;
  asio::io_context io_;
  std::string pid_path_;
  std::vector<std::string> socket_paths_;
  std::optional<lda::LdaSetup> lda_;
  std::unique_ptr<lda::Deliverer> deliverer_;
  std::unique_ptr<lmtp::LmtpDelivery> lmtp_delivery_;
  std::unique_ptr<lmtp::LmtpServer> lmtp_;
  std::unique_ptr<managesieved::ManageSieveServer> managesieve_;
  std::unique_ptr<authd::AuthServer> auth_;
  bool reexec_ = false;
};

base::Status Daemon::Start(const config::Settings& settings) {
  const std::string base_dir = settings.Get("base_dir");
  std::error_code ec;
  std::filesystem::create_directories(base_dir, ec);
  if (ec) return base::Status::IOError("base_dir " + base_dir + ": " + ec.message());
  pid_path_ = base_dir + "/master.pid";

  auto setup = lda::LoadLdaSetup(options_.source, "lmtp");
  if (!setup) return setup.error();
  for (const std::string& warning : setup->warnings) base::LogLine("roost: warning: " + warning);
  lda_.emplace(std::move(*setup));

  // The auth service, in front of the same user databases delivery uses.
  auth_ = std::make_unique<authd::AuthServer>(io_, *lda_->authenticator);
  auto auth_listeners = ListenersOf(settings, "auth");
  if (!auth_listeners) return auth_listeners.error();
  if (auth_listeners->unix_listeners.empty()) {
    auth_listeners->unix_listeners.push_back({base_dir + "/auth-client", 0600, "", ""});
    auth_listeners->unix_listeners.push_back({base_dir + "/auth-userdb", 0600, "", ""});
  }
  for (const net::UnixListenerOptions& listener : auth_listeners->unix_listeners) {
    std::filesystem::create_directories(std::filesystem::path(listener.path).parent_path(), ec);
    base::Status status = auth_->Listen(listener, authd::KindForListener(listener.path));
    if (!status.ok()) return status;
    socket_paths_.push_back(listener.path);
  }

  if (Has(settings.GetList("protocols"), "lmtp")) {
    auto tls = MakeTls(settings);
    if (!tls) return tls.error();
    deliverer_ = std::make_unique<lda::Deliverer>(*lda_->engine, lda_->delivery, *lda_->outgoing);
    lmtp_delivery_ = std::make_unique<lmtp::LmtpDelivery>(
        *lda_->authenticator, *deliverer_, LmtpSettingsFrom(settings, lda_->delivery));
    // Deliveries mostly wait on fsync; more of them in flight lets the file system commit
    // them together.
    size_t workers = std::max<size_t>(16, 4 * std::max(1u, std::thread::hardware_concurrency()));
    size_t limit = ServiceLimit(settings, "lmtp");
    lmtp_ = std::make_unique<lmtp::LmtpServer>(io_, *lmtp_delivery_, lmtp::SessionLimits{},
                                               std::move(*tls), workers, limit);
    auto listeners = ListenersOf(settings, "lmtp");
    if (!listeners) return listeners.error();
    // Dovecot's default service lmtp keeps its unix_listener lmtp (mode 0666) whatever
    // a configuration adds.
    bool has_default = false;
    for (const auto& listener : listeners->unix_listeners) {
      has_default |= listener.path == base_dir + "/lmtp";
    }
    if (!has_default) listeners->unix_listeners.push_back({base_dir + "/lmtp", 0666, "", ""});
    base::Status listening = Listen(lmtp_->connections(), *listeners, "lmtp");
    if (!listening.ok()) return listening;
  }

  if (Has(settings.GetList("protocols"), "sieve")) {
    base::Status started = StartManageSieve(settings);
    if (!started.ok()) return started;
  }

  std::string pid = std::to_string(getpid()) + "\n";
  base::Status written = base::WriteFileAtomic(pid_path_, pid);
  if (!written.ok()) return base::Status::IOError("writing " + pid_path_ + ": " + written.message());
  return base::Status::Ok();
}

base::Status Daemon::StartManageSieve(const config::Settings& settings) {
  auto tls = MakeTls(settings);
  if (!tls) return tls.error();
  managesieve_ = std::make_unique<managesieved::ManageSieveServer>(
      io_, *lda_->authenticator, *lda_->engine, ManageSieveSettingsFrom(settings, *lda_),
      std::move(*tls), ServiceLimit(settings, "managesieve-login"));
  auto listeners = ListenersOf(settings, "managesieve-login");
  if (!listeners) return listeners.error();
  if (listeners->inet_listeners.empty() && listeners->unix_listeners.empty()) {
    // Dovecot's default: service managesieve-login { inet_listener sieve { port = 4190 } }.
    for (const std::string& address : settings.GetList("listen")) {
      listeners->inet_listeners.push_back({"sieve", address, 4190});
    }
  }
  return Listen(managesieve_->connections(), *listeners, "managesieve");
}

base::Status Daemon::Listen(net::ConnectionServer& server, const ServiceListeners& listeners,
                            const std::string& name) {
  std::error_code ec;
  for (const net::UnixListenerOptions& listener : listeners.unix_listeners) {
    std::filesystem::create_directories(std::filesystem::path(listener.path).parent_path(), ec);
    base::Status status = server.ListenUnix(listener);
    if (!status.ok()) return status;
    socket_paths_.push_back(listener.path);
    base::LogLine("roost: " + name + " listening on " + listener.path);
  }
  bool any_inet = false;
  for (const InetListener& listener : listeners.inet_listeners) {
    base::Status status = server.ListenTcp(listener.address, listener.port);
    if (!status.ok()) {
      // "::" is in the default `listen`; a host without IPv6 still serves IPv4.
      if (listener.address == "::" && any_inet) {
        base::LogLine("roost: warning: " + status.message());
        continue;
      }
      return status;
    }
    any_inet = true;
    base::LogLine("roost: " + name + " listening on " + listener.address + ":" +
                  std::to_string(listener.port));
  }
  return base::Status::Ok();
}

void Daemon::RemoveFiles() {
  if (lmtp_) lmtp_->StopListening();
  if (managesieve_) managesieve_->Stop();
  for (const std::string& path : socket_paths_) unlink(path.c_str());
  if (!reexec_ && !pid_path_.empty()) unlink(pid_path_.c_str());
}

asio::awaitable<void> Daemon::Drain() {
  if (lmtp_) lmtp_->Stop();
  if (managesieve_) managesieve_->Stop();
  asio::steady_timer timer(io_);
  auto deadline = std::chrono::steady_clock::now() + kDrainTime;
  auto active = [&]() {
    return (lmtp_ ? lmtp_->active_sessions() : 0) +
           (managesieve_ ? managesieve_->active_sessions() : 0);
  };
  while (active() > 0 && std::chrono::steady_clock::now() < deadline) {
    timer.expires_after(std::chrono::milliseconds(50));
    boost::system::error_code ec;
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
  if (active() > 0) {
    base::LogLine("roost: " + std::to_string(active()) +
                  " sessions still open after 30 s; closing them");
  }
  io_.stop();
}

asio::awaitable<void> Daemon::HandleSignals() {
  asio::signal_set signals(io_, SIGINT, SIGTERM, SIGHUP);
  for (;;) {
    boost::system::error_code ec;
    int signal = co_await signals.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
    if (signal == SIGHUP) {
      std::vector<std::string> warnings;
      auto checked = config::LoadSettings(options_.source, &warnings);
      if (!checked) {
        base::LogLine("roost: SIGHUP: the configuration has an error, keeping the running one: " +
                      checked.error().message());
        continue;
      }
      base::LogLine("roost: SIGHUP: reloading the configuration");
      reexec_ = true;
    } else {
      base::LogLine(std::string("roost: ") + strsignal(signal) + ", shutting down");
    }
    co_await Drain();
    co_return;
  }
}

int Daemon::Run() {
  asio::co_spawn(io_, HandleSignals(), asio::detached);
  io_.run();
  RemoveFiles();
  if (reexec_) {
    // A fresh process image reads the new configuration; the pid and the detached
    // session stay, so init scripts and master.pid remain right.
    setenv(kReexecEnv, "1", 1);
    close_range(3, ~0u, 0);
    execv("/proc/self/exe", options_.argv);
    base::LogLine(std::string("roost: SIGHUP: re-executing failed: ") + std::strerror(errno));
    return kExitFailure;
  }
  base::LogLine("roost: stopped");
  return kExitOk;
}

}  // namespace

int RunDaemon(const DaemonOptions& options) {
  const bool reexec = getenv(kReexecEnv) != nullptr;
  unsetenv(kReexecEnv);
  std::vector<std::string> warnings;
  std::string loaded;
  auto settings = config::LoadSettings(options.source, &warnings, &loaded);
  if (!settings) {
    std::cerr << "roost: " << settings.error().message() << "\n";
    return kExitFailure;
  }
  std::string pid_path = settings->Get("base_dir") + "/master.pid";
  if (!reexec) {
    if (auto running = RunningPid(pid_path)) {
      std::cerr << "roost: already running with pid " << *running << " (read from " << pid_path
                << ")\n";
      return kExitFailure;
    }
  }
  Detacher detacher;
  if (!options.foreground && !reexec) {
    base::Status detached = detacher.Detach();
    if (!detached.ok()) {
      std::cerr << "roost: " << detached.message() << "\n";
      return kExitFailure;
    }
  }
  base::Status log = SetUpLog(*settings, detacher.detached() || reexec);
  if (!log.ok()) {
    detacher.Report("roost: " + log.message() + "\n");
    std::cerr << "roost: " << log.message() << "\n";
    return kExitFailure;
  }
  // A client that goes away must not kill the daemon with SIGPIPE.
  signal(SIGPIPE, SIG_IGN);
  Daemon daemon(options);
  base::Status started = daemon.Start(*settings);
  if (!started.ok()) {
    detacher.Report("roost: " + started.message() + "\n");
    base::LogLine("roost: " + started.message());
    daemon.Cleanup();
    return kExitFailure;
  }
  base::LogLine("roost: started with " + loaded + " (pid " + std::to_string(getpid()) + ")");
  detacher.Report("up");
  return daemon.Run();
}

}  // namespace roost
