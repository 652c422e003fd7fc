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
#include "roost/service_listeners.h"

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

// Detaches like dovecot: the parent waits until the child reports "up" (exit 0) or an
// error (printed, exit 1) over a pipe, so `roost -c FILE && ...` can trust the status.
class Detacher {
 public:
  // In the parent this never returns.
  base::Status Detach() {
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
      if (report == "up") _exit(kExitOk);
      std::cerr << (report.empty() ? "roost: the daemon exited while starting\n" : report);
      _exit(kExitFailure);
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
  void Report(const std::string& text) {
    if (report_fd_ < 0) return;
    (void)!write(report_fd_, text.data(), text.size());
    close(report_fd_);
    report_fd_ = -1;
  }
  bool detached() const { return report_fd_ >= 0; }

 private:
  int report_fd_ = -1;
};

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

base::Result<std::shared_ptr<net::TlsContext>> MakeTls(const config::Settings& settings) {
  std::string ssl = settings.Get("ssl");
  std::string cert = settings.Get("ssl_cert");
  if (ssl == "no") return std::shared_ptr<net::TlsContext>();
  if (cert.empty()) {
    if (ssl == "required") {
      return base::Err(base::Status::InvalidArgument("ssl = required, but ssl_cert is not set"));
    }
    return std::shared_ptr<net::TlsContext>();
  }
  return net::TlsContext::Create({.cert_pem = cert,
                                  .key_pem = settings.Get("ssl_key"),
                                  .min_protocol = settings.Get("ssl_min_protocol"),
                                  .cipher_list = settings.Get("ssl_cipher_list")});
}

size_t ServiceLimit(const config::Settings& settings, std::string_view service) {
  auto limit = config::ParseUint(settings.Get("service/" + std::string(service) + "/process_limit"));
  if (limit && *limit > 0) return *limit;
  auto fallback = config::ParseUint(settings.Get("default_process_limit"));
  return fallback && *fallback > 0 ? *fallback : 100;
}

lmtp::LmtpSettings LmtpSettingsFrom(const config::Settings& settings,
                                    const lda::DeliverySettings& delivery) {
  auto flag = [&](std::string_view key, bool fallback) {
    auto value = config::ParseBool(settings.GetFor("lmtp", key));
    return value ? *value : fallback;
  };
  return {.hostname = delivery.hostname,
          .recipient_delimiter = settings.GetFor("lmtp", "recipient_delimiter"),
          .save_to_detail_mailbox = flag("lmtp_save_to_detail_mailbox", false),
          .rcpt_check_quota = flag("lmtp_rcpt_check_quota", false),
          .add_received_header = flag("lmtp_add_received_header", true),
          .hdr_delivery_address = settings.GetFor("lmtp", "lmtp_hdr_delivery_address"),
          .mail_uid = base::SystemId(settings.GetFor("lmtp", "mail_uid"), false),
          .mail_gid = base::SystemId(settings.GetFor("lmtp", "mail_gid"), true)};
}

managesieved::ManageSieveSettings ManageSieveSettingsFrom(const config::Settings& settings,
                                                          const lda::LdaSetup& lda) {
  managesieved::ManageSieveSettings ms;
  auto get = [&](std::string_view key) { return settings.GetFor("sieve", key); };
  // Dovecot's default names Pigeonhole; Roost says what it is unless told otherwise.
  if (settings.IsSet("managesieve_implementation_string")) {
    ms.implementation = get("managesieve_implementation_string");
  }
  ms.sieve_capability = get("managesieve_sieve_capability");
  if (settings.IsSet("managesieve_notify_capability")) {
    ms.notify_capability = get("managesieve_notify_capability");
  }
  if (auto size = config::ParseSize(get("managesieve_max_line_length")); size && *size > 0) {
    ms.max_line_length = *size;
  }
  if (auto count = config::ParseUint(get("managesieve_max_compile_errors")); count && *count > 0) {
    ms.max_compile_errors = *count;
  }
  const sieve::Limits& limits = lda.engine->options().limits;
  if (limits.max_script_size > 0) ms.max_script_size = limits.max_script_size;
  ms.max_redirects = static_cast<unsigned>(limits.max_redirects);
  if (auto scripts = config::ParseUint(get("plugin/sieve_quota_max_scripts"))) {
    ms.quota.max_scripts = *scripts;
  }
  if (auto storage = config::ParseSize(get("plugin/sieve_quota_max_storage"))) {
    ms.quota.max_storage = *storage;
  }
  ms.ssl_required = get("ssl") == "required";
  if (auto limit = config::ParseUint(get("mail_max_userip_connections"))) {
    ms.max_userip_connections = *limit;
  }
  ms.plugin = lda.delivery.plugin;
  ms.hostname = lda.delivery.hostname;
  return ms;
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
