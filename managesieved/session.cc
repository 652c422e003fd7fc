#include "managesieved/session.h"

#include <optional>
#include <vector>

#include "auth/mail_identity.h"
#include "auth/password_scheme.h"
#include "auth/sasl/mechanism.h"
#include "base/log.h"
#include "base/thread_identity.h"
#include "managesieved/command_reader.h"
#include "managesieved/response.h"
#include "managesieved/script_commands.h"
#include "net/stream_reader.h"
#include "net/thread_pool_call.h"

namespace managesieved {
namespace {

namespace asio = net::asio;
using Clock = std::chrono::steady_clock;
using ReadStatus = ReadOutcome::Status;

// Pigeonhole's `sieve` setting: "file:~/sieve;active=~/.dovecot.sieve".
void SieveLocation(const std::map<std::string, std::string>& plugin, std::string& dir,
                   std::string& link) {
  dir = "~/sieve";
  link = "~/.dovecot.sieve";
  auto it = plugin.find("sieve");
  if (it != plugin.end() && !it->second.empty()) {
    std::string value = it->second;
    if (value.starts_with("file:")) value = value.substr(5);
    size_t semicolon = value.find(';');
    dir = value.substr(0, semicolon);
    size_t active = value.find(";active=");
    if (active != std::string::npos) {
      link = value.substr(active + 8);
      link = link.substr(0, link.find(';'));
    }
  }
  if (auto sieve_dir = plugin.find("sieve_dir"); sieve_dir != plugin.end() && !sieve_dir->second.empty()) {
    dir = sieve_dir->second;
  }
}

// Results of co_await are stored before they are tested (GCC 12, see lmtp/session.cc).
class Session {
 public:
  Session(SessionContext& context, std::shared_ptr<net::SessionState> state, std::string id)
      : context_(context),
        settings_(context.settings),
        state_(std::move(state)),
        stream_(state_->stream),
        reader_(stream_),
        id_(std::move(id)) {}

  asio::awaitable<void> Run();

 private:
  enum class Next { kContinue, kClose };

  void Send(std::string text) { out_ += text; }
  asio::awaitable<bool> Flush() {
    std::string data;
    data.swap(out_);
    bool written = data.empty() || co_await stream_.Write(data);
    co_return written;
  }
  // Dovecot counts a connection from this host as secure, unless ssl = required.
  bool Secured() const {
    bool local = remote_ip_.empty() || remote_ip_ == "127.0.0.1" || remote_ip_ == "::1";
    return stream_.tls() || (local && !settings_.ssl_required);
  }
  std::string LoginKey() const { return user_ + "\n" + remote_ip_; }
  void Logout() {
    if (user_.empty()) return;
    auto it = context_.logins.find(LoginKey());
    if (it != context_.logins.end() && --it->second == 0) context_.logins.erase(it);
    user_.clear();
    store_.reset();
    identity_ = {};
  }
  std::string Capabilities() const;
  void Log(const std::string& what) const {
    base::LogLine("managesieve(" + user_ + ")<" + id_ + ">: " + what);
  }
  Next Bad(std::string reply) {
    Send(std::move(reply));
    if (++bad_commands_ >= settings_.max_bad_commands) {
      Send(Bye("Too many invalid commands."));
      return Next::kClose;
    }
    return Next::kContinue;
  }

  asio::awaitable<Next> Dispatch(const Command& command);
  asio::awaitable<Next> Authenticate(const Command& command);
  asio::awaitable<Next> StartTls(const Command& command);
  asio::awaitable<std::optional<std::string>> ReadSaslResponse();
  // A failed login of refused_user_ for refused_reason_: logged, penalized and answered after
  // auth_failure_delay (a temporary failure at once, with TRYLATER). No string arguments:
  // GCC 12 destroys temporaries of a co_await expression twice.
  asio::awaitable<Next> Refuse(bool temporary);

  SessionContext& context_;
  const ManageSieveSettings& settings_;
  std::shared_ptr<net::SessionState> state_;
  net::ByteStream& stream_;
  net::StreamReader reader_;
  const std::string id_;
  std::string remote_ip_;
  std::string out_;
  std::string user_;  // empty until AUTHENTICATE succeeded
  std::optional<storage::ScriptStore> store_;
  auth::MailIdentity identity_;  // whom the script commands run as
  std::string refused_user_;
  std::string refused_reason_;
  size_t bad_commands_ = 0;
};

std::string Session::Capabilities() const {
  std::string caps = "\"IMPLEMENTATION\" " + String(settings_.implementation) + "\r\n";
  std::string sieve = settings_.sieve_capability.empty()
                          ? context_.engine.enabled().CapabilityString(context_.engine.registry())
                          : settings_.sieve_capability;
  caps += "\"SIEVE\" " + String(sieve) + "\r\n";
  if (!settings_.notify_capability.empty()) {
    caps += "\"NOTIFY\" " + String(settings_.notify_capability) + "\r\n";
  }
  if (user_.empty()) {
    std::string sasl;
    for (const auto& mechanism : context_.authenticator.Mechanisms(Secured())) {
      sasl += (sasl.empty() ? "" : " ") + mechanism.name;
    }
    // An empty SASL list breaks clients (Net_Sieve, roundcube#6106): with plaintext
    // disabled before TLS the line is left out and STARTTLS is the way on.
    if (!sasl.empty()) caps += "\"SASL\" " + String(sasl) + "\r\n";
  } else {
    caps += "\"OWNER\" " + String(user_) + "\r\n";
  }
  if (context_.tls != nullptr && !stream_.tls()) caps += "\"STARTTLS\"\r\n";
  caps += "\"MAXREDIRECTS\" \"" + std::to_string(settings_.max_redirects) + "\"\r\n";
  // RFC 5804 §1.7: the language of the human-readable texts, which are English.
  caps += "\"LANGUAGE\" \"en\"\r\n";
  caps += "\"VERSION\" \"1.0\"\r\n";
  return caps;
}

asio::awaitable<void> Session::Run() {
  remote_ip_ = stream_.PeerAddress();
  Log("connect from " + (remote_ip_.empty() ? std::string("local") : remote_ip_));
  Send(Capabilities());
  Send(Ok(settings_.implementation + " ready."));
  for (;;) {
    if (!reader_.HasBuffered()) {
      bool flushed = co_await Flush();
      if (!flushed) break;
    }
    if (context_.registry.stopping()) {
      Send(Bye("Server shutting down.", "TRYLATER"));
      break;
    }
    state_->reading = true;
    ReadOutcome read = co_await ReadCommand(reader_, settings_.max_line_length,
                                            settings_.max_script_size);
    state_->reading = false;
    state_->last_input = Clock::now();
    if (read.status == ReadStatus::kClosed) {
      if (state_->timed_out) Send(Bye("Disconnected for inactivity."));
      if (context_.registry.stopping()) Send(Bye("Server shutting down.", "TRYLATER"));
      Log(state_->timed_out ? "disconnected for inactivity" : "disconnected");
      break;
    }
    Next next = Next::kContinue;
    if (read.status == ReadStatus::kLineTooLong) {
      next = Bad(No("Line too long."));
    } else if (read.status == ReadStatus::kLiteralTooLarge) {
      next = Bad(No("Script is too large (max " + std::to_string(settings_.max_script_size) +
                    " bytes).", "QUOTA/MAXSIZE"));
    } else if (read.status == ReadStatus::kSyntax) {
      next = Bad(No("Error in command: " + read.error + "."));
    } else {
      next = co_await Dispatch(read.command);
    }
    if (next == Next::kClose) break;
  }
  co_await Flush();
  Logout();
  stream_.Close();
}

asio::awaitable<Session::Next> Session::Dispatch(const Command& command) {
  const std::string& name = command.name;
  if (name == "CAPABILITY") {
    if (!command.args.empty()) co_return Bad(No("CAPABILITY takes no arguments."));
    Send(Capabilities());
    Send(Ok("Capability completed."));
    co_return Next::kContinue;
  }
  if (name == "LOGOUT") {
    Send(Ok("Logout completed."));
    co_return Next::kClose;
  }
  if (name == "NOOP") {
    auto args = StringArguments(command, 0, 1);
    if (!args) co_return Bad(No("NOOP takes one optional string."));
    Send(args->empty() ? Ok("NOOP completed.")
                       : Ok("NOOP completed.", "TAG " + String((*args)[0])));
    co_return Next::kContinue;
  }
  if (name == "STARTTLS") co_return co_await StartTls(command);
  if (name == "AUTHENTICATE") co_return co_await Authenticate(command);
  if (name == "UNAUTHENTICATE") {
    if (user_.empty()) co_return Bad(No("Not authenticated."));
    Log("unauthenticated");
    Logout();
    Send(Ok("Unauthenticate completed."));
    co_return Next::kContinue;
  }
  static const char* const kScriptCommands[] = {"HAVESPACE", "PUTSCRIPT", "LISTSCRIPTS",
                                                "SETACTIVE", "GETSCRIPT", "DELETESCRIPT",
                                                "RENAMESCRIPT", "CHECKSCRIPT"};
  for (const char* known : kScriptCommands) {
    if (name != known) continue;
    if (user_.empty()) co_return Bad(No("Authenticate first."));
    // Script storage fsyncs and compiles: on the pool, so other sessions go on meanwhile
    // (this session waits, so nothing else touches it).
    const ScriptChecker checker{context_.engine, settings_.max_compile_errors,
                                settings_.max_script_size};
    auto work = [&]() {
      // As the user, as Dovecot's managesieve process runs: the scripts and ~/sieve stay
      // the user's, and a root daemon writes nowhere the user could not.
      base::ScopedThreadIdentity as_user(identity_.uid, identity_.gid);
      if (!as_user.status().ok()) {
        return ScriptReply{No("Temporary server failure.", "TRYLATER"), false,
                           name + " failed: " + as_user.status().message()};
      }
      return RunScriptCommand(command, *store_, checker);
    };
    ScriptReply reply = co_await net::CallOnPool(context_.pool, work);
    if (!reply.log.empty()) Log(reply.log);
    if (reply.bad) co_return Bad(std::move(reply.text));
    Send(std::move(reply.text));
    co_return Next::kContinue;
  }
  co_return Bad(No("Unknown command."));
}

asio::awaitable<Session::Next> Session::StartTls(const Command& command) {
  if (context_.tls == nullptr) co_return Bad(No("TLS is not configured."));
  if (stream_.tls()) co_return Bad(No("TLS is already active."));
  if (!command.args.empty()) co_return Bad(No("STARTTLS takes no arguments."));
  Send(Ok("Begin TLS negotiation now."));
  bool flushed = co_await Flush();
  if (!flushed) co_return Next::kClose;
  reader_.DropBuffered();
  bool secured = co_await stream_.StartTls(*context_.tls);
  if (!secured) {
    Log("TLS handshake failed");
    co_return Next::kClose;
  }
  // RFC 5804 §2.2: the capabilities again, now that they may differ (SASL, no STARTTLS).
  Send(Capabilities());
  Send(Ok("TLS negotiation successful."));
  co_return Next::kContinue;
}

asio::awaitable<std::optional<std::string>> Session::ReadSaslResponse() {
  state_->reading = true;
  net::StreamReader::Line line = co_await reader_.ReadLine(settings_.max_line_length);
  state_->reading = false;
  if (line.status != net::StreamReader::Status::kOk) co_return std::nullopt;
  std::string_view text = line.text;
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    co_return std::string(text.substr(1, text.size() - 2));
  }
  if (text.starts_with('{') && text.ends_with('}')) {
    std::string digits(text.substr(1, text.size() - 2));
    if (!digits.empty() && digits.back() == '+') digits.pop_back();
    char* end = nullptr;
    unsigned long long size = std::strtoull(digits.c_str(), &end, 10);
    if (digits.empty() || *end != '\0' || size > settings_.max_line_length) co_return std::nullopt;
    std::string data;
    bool read = co_await reader_.ReadExactly(size, data);
    if (!read) co_return std::nullopt;
    net::StreamReader::Line rest = co_await reader_.ReadLine(settings_.max_line_length);
    if (rest.status != net::StreamReader::Status::kOk) co_return std::nullopt;
    co_return data;
  }
  co_return std::string(text);  // "*" (cancel) or a bare token
}

asio::awaitable<Session::Next> Session::Authenticate(const Command& command) {
  if (!user_.empty()) co_return Bad(No("Already authenticated."));
  auto args = StringArguments(command, 1, 1);
  if (!args) co_return Bad(No("AUTHENTICATE takes a mechanism and an optional initial response."));
  std::string mechanism_name = (*args)[0];
  for (char& c : mechanism_name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auth::Authenticator& authenticator = context_.authenticator;
  if (!authenticator.MechanismAllowed(mechanism_name, Secured())) {
    co_return Bad(No(Secured() ? "Unsupported authentication mechanism."
                               : "Plaintext authentication disallowed on non-secure connections."));
  }
  std::optional<std::string> initial;
  if (args->size() == 2) {
    initial = auth::Base64Decode((*args)[1]);
    if (!initial) co_return Bad(No("Invalid base64 data in the initial response."));
  }
  auth::AuthRequest request{.user = "", .service = "sieve", .remote_ip = remote_ip_,
                            .secured = Secured()};
  auto source = authenticator.NewCredentialSource(request);
  auto mechanism = auth::sasl::NewMechanism(mechanism_name, *source, settings_.hostname);
  if (!mechanism) co_return Bad(No("Unsupported authentication mechanism."));
  auto delay = authenticator.penalty().Delay(remote_ip_);
  if (delay.count() > 0) {
    asio::steady_timer timer(co_await asio::this_coro::executor, delay);
    co_await timer.async_wait(asio::use_awaitable);
  }
  bool first = true;
  std::string response;
  auth::sasl::Step step;
  for (;;) {
    auto work = [&]() { return first ? mechanism->Start(initial) : mechanism->Next(response); };
    step = co_await net::CallOnPool(context_.pool, work);
    first = false;
    if (step.kind != auth::sasl::Step::Kind::kContinue) break;
    Send(String(auth::Base64Encode(step.data)) + "\r\n");
    bool flushed = co_await Flush();
    if (!flushed) co_return Next::kClose;
    auto answer = co_await ReadSaslResponse();
    if (!answer) co_return Bad(No("Invalid SASL response."));
    if (*answer == "*") {
      Send(No("Authentication cancelled."));
      co_return Next::kContinue;
    }
    auto decoded = auth::Base64Decode(*answer);
    if (!decoded) co_return Bad(No("Invalid base64 data in the response."));
    response = std::move(*decoded);
  }
  std::string who = step.user.empty() ? std::string(source->last_user()) : step.user;
  if (step.kind != auth::sasl::Step::Kind::kSuccess) {
    refused_user_ = who;
    refused_reason_ = step.reason.empty() ? "failed" : step.reason;
    co_return co_await Refuse(step.kind == auth::sasl::Step::Kind::kTempFail);
  }
  auto finish = [&]() {
    auth::AuthOutcome outcome = authenticator.Finish(request, step.user, std::move(step.fields));
    std::optional<auth::UserOutcome> user;
    if (outcome.status == auth::AuthOutcome::Status::kOk) {
      user = authenticator.LookupUser({.user = outcome.user, .service = "sieve",
                                       .remote_ip = remote_ip_});
    }
    return std::make_pair(std::move(outcome), std::move(user));
  };
  auto finished = co_await net::CallOnPool(context_.pool, finish);
  const auth::AuthOutcome& outcome = finished.first;
  const std::optional<auth::UserOutcome>& found = finished.second;
  if (outcome.status != auth::AuthOutcome::Status::kOk) {
    refused_user_ = who;
    refused_reason_ = outcome.log_reason;
    co_return co_await Refuse(outcome.status == auth::AuthOutcome::Status::kTempFail);
  }
  if (!found || found->status != auth::LookupResult::Status::kFound) {
    bool temporary = found && found->status == auth::LookupResult::Status::kTempFail;
    refused_user_ = who;
    refused_reason_ = "no userdb entry";
    co_return co_await Refuse(temporary);
  }
  const std::string* home = auth::FindField(found->fields, "home");
  if (home == nullptr || home->empty()) {
    refused_user_ = who;
    refused_reason_ = "the userdb gives no home directory for the scripts";
    co_return co_await Refuse(true);
  }
  auto identity = auth::MailIdentityFor(found->fields, settings_.identity);
  if (!identity) {
    refused_user_ = who;
    refused_reason_ = identity.error().message();
    co_return co_await Refuse(true);
  }
  authenticator.penalty().Succeeded(remote_ip_);
  size_t& logins = context_.logins[outcome.user + "\n" + remote_ip_];
  if (settings_.max_userip_connections > 0 && logins >= settings_.max_userip_connections) {
    if (logins == 0) context_.logins.erase(outcome.user + "\n" + remote_ip_);
    base::LogLine("managesieve(" + outcome.user + ")<" + id_ + ">: refused: " +
                  std::to_string(logins) + " sessions from " + remote_ip_ +
                  " already (mail_max_userip_connections)");
    Send(No("Maximum number of connections from user+IP exceeded "
            "(mail_max_userip_connections=" + std::to_string(settings_.max_userip_connections) + ")",
            "TRYLATER"));
    co_return Next::kContinue;
  }
  ++logins;
  user_ = outcome.user;
  store_.emplace(StoreFor(settings_, *home));
  identity_ = *identity;
  Log("logged in (" + mechanism_name + ")");
  Send(step.data.empty() ? Ok("Logged in.")
                         : Ok("Logged in.", "SASL " + String(auth::Base64Encode(step.data))));
  co_return Next::kContinue;
}

asio::awaitable<Session::Next> Session::Refuse(bool temporary) {
  user_ = refused_user_;
  Log(std::string(temporary ? "login temporarily failed: " : "login failed: ") + refused_reason_);
  user_.clear();
  if (temporary) {
    Send(No("Temporary authentication failure.", "TRYLATER"));
    co_return Next::kContinue;
  }
  context_.authenticator.penalty().Failed(remote_ip_);
  // auth_failure_delay: a wrong password is answered late, so guessing costs time.
  auto wait = context_.authenticator.settings().failure_delay;
  if (wait.count() > 0) {
    asio::steady_timer timer(co_await asio::this_coro::executor, wait);
    co_await timer.async_wait(asio::use_awaitable);
  }
  co_return Bad(No("Authentication failed."));
}

// "~/x" with the user's home.
std::string UnderHome(const std::string& path, const std::string& home) {
  if (path == "~") return home;
  if (path.starts_with("~/")) return home + path.substr(1);
  return path;
}

}  // namespace

storage::ScriptStore StoreFor(const ManageSieveSettings& settings, const std::string& home) {
  std::string dir, link;
  SieveLocation(settings.plugin, dir, link);
  return storage::ScriptStore(UnderHome(dir, home), UnderHome(link, home), settings.quota);
}

asio::awaitable<void> RunSession(SessionContext& context, net::ByteStream::Socket socket,
                                 std::string session_id) {
  return net::ServeSession<Session>(context, context.registry, context.settings.idle_timeout, std::move(socket),
                                    std::move(session_id));
}

}  // namespace managesieved
