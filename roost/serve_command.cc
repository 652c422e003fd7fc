#include "roost/serve_command.h"

#include <sys/stat.h>

#include <cstring>
#include <filesystem>
#include <iostream>

#include "authd/auth_server.h"
#include "base/log.h"
#include "roost/auth_setup.h"
#include "roost/settings_loader.h"

namespace roost {
namespace {

constexpr int kExitOk = 0, kExitFailure = 1, kExitUsage = 64;

constexpr char kUsage[] =
    "Usage: roost serve [-c FILE | --embedded] [-o K=V]... [--state-dir DIR]\n"
    "\n"
    "Runs the Roost daemon in the foreground (like `dovecot -F`) until SIGINT or SIGTERM,\n"
    "logging one line per event on standard error. This build serves the auth service:\n"
    "the `unix_listener`s of `service auth { }` (relative paths are under base_dir); a\n"
    "listener named auth-userdb or auth-master speaks the userdb protocol, any other one\n"
    "(auth-client, Postfix's private/auth) the auth client protocol. Without listeners in\n"
    "the configuration: base_dir/auth-client and base_dir/auth-userdb.\n"
    "  --state-dir DIR  where the embedded default keeps users and sockets (/var/lib/roost)\n"
    "\n"
    "Exit status: 0 after a signal, 1 the configuration or a socket is unusable (message on\n"
    "stderr), 64 usage.\n";

unsigned ParseMode(const std::string& text, unsigned fallback) {
  if (text.empty()) return fallback;
  char* end = nullptr;
  unsigned long mode = std::strtoul(text.c_str(), &end, 8);
  return (*end == '\0' && mode <= 07777) ? static_cast<unsigned>(mode) : fallback;
}

std::string Value(const config::Section& section, std::string_view key) {
  const config::Setting* setting = section.Find(key);
  return setting != nullptr ? setting->value : std::string();
}

std::vector<net::UnixListenerOptions> AuthListeners(const config::Settings& settings) {
  std::string base_dir = settings.Get("base_dir");
  auto under_base = [&](const std::string& path) {
    return path.starts_with('/') ? path : base_dir + "/" + path;
  };
  std::vector<net::UnixListenerOptions> listeners;
  for (const config::Section* service : settings.config().root.FindSections("service", "auth")) {
    for (const config::Section& child : service->children) {
      if (child.type != "unix_listener") continue;
      listeners.push_back({under_base(child.name), ParseMode(Value(child, "mode"), 0600),
                           Value(child, "user"), Value(child, "group")});
    }
  }
  if (listeners.empty()) {
    listeners.push_back({under_base("auth-client"), 0600, "", ""});
    listeners.push_back({under_base("auth-userdb"), 0600, "", ""});
  }
  return listeners;
}

}  // namespace

int ServeCommand(int argc, char** argv) {
  ConfigSource source;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      std::cout << kUsage;
      return kExitOk;
    }
    if (TakeConfigOption(argc, argv, i, source)) continue;
    std::cerr << "roost serve: unknown or incomplete argument '" << argv[i] << "'\n" << kUsage;
    return kExitUsage;
  }
  std::string loaded;
  auto settings = LoadSettings(source, "roost serve", &loaded);
  if (!settings) {
    std::cerr << "roost serve: " << settings.error().message() << "\n";
    return kExitFailure;
  }
  auto authenticator = MakeAuthenticator(*settings);
  if (!authenticator) {
    std::cerr << "roost serve: " << authenticator.error().message() << "\n";
    return kExitFailure;
  }
  std::error_code ec;
  std::filesystem::create_directories(settings->Get("base_dir"), ec);

  net::asio::io_context io;
  authd::AuthServer auth_server(io, **authenticator);
  for (const net::UnixListenerOptions& listener : AuthListeners(*settings)) {
    std::filesystem::create_directories(std::filesystem::path(listener.path).parent_path(), ec);
    base::Status status = auth_server.Listen(listener, authd::KindForListener(listener.path));
    if (!status.ok()) {
      std::cerr << "roost serve: " << status.message() << "\n";
      return kExitFailure;
    }
  }
  net::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code&, int signal) {
    base::LogLine(std::string("roost: ") + strsignal(signal) + ", shutting down");
    io.stop();
  });
  base::LogLine("roost: serving with " + loaded);
  io.run();
  return kExitOk;
}

}  // namespace roost
