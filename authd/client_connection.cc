// Dovecot's auth client protocol (version 1.2), server side:
//   S: VERSION 1 2 / MECH name flags... / SPID pid / CUID n / COOKIE hex / DONE
//   C: VERSION 1 x / CPID pid
//   C: AUTH id mech service=smtp [secured] [nologin] [no-penalty] lip=.. rip=.. [resp=b64]
//   S: CONT id b64 | OK id user=.. [fields] | FAIL id [user=..] [reason=..] [temp]
//   C: CONT id b64
// Requests are independent: a login process multiplexes its clients over one connection,
// so each step runs as its own coroutine and a slow or delayed one holds up no other.
#include <unistd.h>

#include <deque>
#include <map>
#include <memory>

#include "auth/password_scheme.h"
#include "authd/auth_server.h"
#include "authd/tab_escape.h"
#include "base/log.h"
#include "base/strings.h"
#include "net/line_stream.h"

namespace authd {
namespace {

using auth::AuthOutcome;
using auth::sasl::Step;

struct Pending {
  auth::AuthRequest request;
  std::string mechanism;
  std::unique_ptr<auth::sasl::CredentialSource> source;
  std::unique_ptr<auth::sasl::Mechanism> exchange;
  bool busy = false;        // a step is running: a CONT now is a protocol error
  bool no_penalty = false;  // the client asked for none (a trusted proxy)
};

bool IsLoopback(const std::string& ip) {
  return ip.starts_with("127.") || ip == "::1" || ip == "::ffff:127.0.0.1";
}

class ClientConnection : public std::enable_shared_from_this<ClientConnection> {
 public:
  ClientConnection(AuthServer& server, net::UnixSocket socket, uint64_t id)
      : server_(server), stream_(std::move(socket), AuthServer::kMaxLineLength), id_(id) {}

  asio::awaitable<void> Run();

 private:
  void Send(std::string line);
  asio::awaitable<void> Drain();
  bool HandleAuth(const std::vector<std::string>& args);
  bool HandleCont(const std::vector<std::string>& args);
  asio::awaitable<void> RunStep(unsigned request_id, std::optional<std::string> response,
                                bool first);
  void Finish(unsigned request_id, Pending& pending, Step step);
  void Fail(unsigned request_id, const Pending& pending, const std::string& user,
            const std::string& log_reason, const std::string& client_reason, bool temporary);
  void Log(const Pending& pending, unsigned request_id, const std::string& user,
           const std::string& what);

  AuthServer& server_;
  net::LineStream<net::UnixSocket> stream_;
  const uint64_t id_;
  std::string client_pid_;
  std::deque<std::string> out_;
  bool writing_ = false;
  bool closed_ = false;
  std::map<unsigned, Pending> pending_;
};

void ClientConnection::Send(std::string line) {
  if (closed_) return;
  out_.push_back(std::move(line) + "\n");
  if (!writing_) {
    writing_ = true;
    asio::co_spawn(server_.io(), Drain(), asio::detached);
  }
}

asio::awaitable<void> ClientConnection::Drain() {
  auto self = shared_from_this();
  while (!out_.empty() && !closed_) {
    // Everything queued goes out in one write: under load many answers are ready at once.
    std::string batch;
    for (std::string& line : out_) batch += line;
    out_.clear();
    if (!co_await stream_.Write(std::move(batch))) closed_ = true;
  }
  writing_ = false;
}

asio::awaitable<void> ClientConnection::Run() {
  auto self = shared_from_this();
  std::string handshake = "VERSION\t1\t2\n";
  // Every configured mechanism is announced; whether a connection may use a plaintext one
  // is decided per request from its `secured` flag and address.
  for (const auto& info : server_.authenticator().Mechanisms(true)) {
    handshake += "MECH\t" + info.name + (info.plaintext ? "\tplaintext" : "") +
                 (info.needs_credentials ? "\tdictionary\tactive" : "") + "\n";
  }
  handshake += "SPID\t" + std::to_string(getpid()) + "\nCUID\t" + std::to_string(id_) +
               "\nCOOKIE\t" + server_.cookie() + "\nDONE";  // Send() ends the line
  Send(std::move(handshake));
  bool versioned = false;
  while (!closed_) {
    auto line = co_await stream_.ReadLine();
    if (!line.text) {
      if (line.error == net::LineStream<net::UnixSocket>::ReadError::kTooLong) {
        base::LogLine("auth: client " + std::to_string(id_) + ": line too long, disconnecting");
      }
      break;
    }
    std::vector<std::string> args = SplitTabs(*line.text);
    const std::string& command = args[0];
    bool ok = true;
    if (command == "VERSION") {
      ok = args.size() >= 2 && args[1] == "1";
      if (!ok) base::LogLine("auth: client " + std::to_string(id_) + ": unsupported protocol version");
      versioned = ok;
    } else if (!versioned) {
      base::LogLine("auth: client " + std::to_string(id_) + ": " + command + " before VERSION");
      ok = false;
    } else if (command == "CPID") {
      client_pid_ = args.size() >= 2 ? args[1] : "";
    } else if (command == "AUTH") {
      ok = HandleAuth(args);
    } else if (command == "CONT") {
      ok = HandleCont(args);
    } else {
      base::LogLine("auth: client " + std::to_string(id_) + ": unknown command '" + command + "'");
      ok = false;
    }
    if (!ok) break;
  }
  closed_ = true;
  boost::system::error_code ignored;
  stream_.socket().close(ignored);
}

std::optional<unsigned> RequestId(const std::vector<std::string>& args) {
  if (args.size() < 2) return std::nullopt;
  auto id = base::ParseUint64(args[1]);
  if (!id || *id == 0 || *id > UINT32_MAX) return std::nullopt;
  return static_cast<unsigned>(*id);
}

bool ClientConnection::HandleAuth(const std::vector<std::string>& args) {
  auto request_id = RequestId(args);
  if (!request_id || args.size() < 3 || pending_.contains(*request_id) ||
      pending_.size() >= AuthServer::kMaxPendingPerConnection) {
    base::LogLine("auth: client " + std::to_string(id_) + ": malformed or duplicate AUTH");
    return false;  // a broken client: Dovecot disconnects it too
  }
  Pending pending;
  pending.mechanism = base::AsciiToUpper(args[2]);
  std::optional<std::string> initial;
  bool secured_flag = false;
  for (size_t i = 3; i < args.size(); ++i) {
    std::string_view arg = args[i];
    size_t eq = arg.find('=');
    std::string_view key = arg.substr(0, eq);
    std::string value = eq == std::string_view::npos ? "" : std::string(arg.substr(eq + 1));
    if (key == "service") pending.request.service = value;
    else if (key == "rip") pending.request.remote_ip = value;
    else if (key == "lip") pending.request.local_ip = value;
    else if (key == "secured") secured_flag = true;
    else if (key == "no-penalty") pending.no_penalty = true;
    else if (key == "resp") initial = value;
  }
  const std::string& rip = pending.request.remote_ip;
  auth::Authenticator& authenticator = server_.authenticator();
  // A connection from this host (or from a trusted network) cannot be sniffed on the wire.
  pending.request.secured = secured_flag || rip.empty() || IsLoopback(rip) ||
                            rip == pending.request.local_ip || authenticator.Trusted(rip);
  if (authenticator.Trusted(rip)) pending.no_penalty = true;
  unsigned id = *request_id;
  if (!authenticator.MechanismAllowed(pending.mechanism, pending.request.secured)) {
    // Allowed on a secured connection: only plaintext authentication is in the way.
    bool known = authenticator.MechanismAllowed(pending.mechanism, true);
    Log(pending, id, "", known ? "plaintext authentication disabled" : "unsupported mechanism");
    Send("FAIL\t" + std::to_string(id) + "\treason=" +
         (known ? "Plaintext authentication disallowed on non-secure (SSL/TLS) connections."
                : "Unsupported authentication mechanism."));
    return true;
  }
  if (initial) {
    auto decoded = auth::Base64Decode(*initial == "=" ? "" : *initial);
    if (!decoded) {
      Log(pending, id, "", "invalid base64 in the initial response");
      Send("FAIL\t" + std::to_string(id) + "\treason=Invalid base64 data in initial response");
      return true;
    }
    initial = std::move(*decoded);
  }
  pending.source = authenticator.NewCredentialSource(pending.request);
  pending.exchange =
      auth::sasl::NewMechanism(pending.mechanism, *pending.source, authenticator.settings().hostname);
  pending.busy = true;
  pending_.emplace(id, std::move(pending));
  asio::co_spawn(server_.io(), RunStep(id, std::move(initial), true), asio::detached);
  return true;
}

bool ClientConnection::HandleCont(const std::vector<std::string>& args) {
  auto request_id = RequestId(args);
  auto it = request_id ? pending_.find(*request_id) : pending_.end();
  if (it == pending_.end() || it->second.busy || args.size() < 3) {
    base::LogLine("auth: client " + std::to_string(id_) + ": CONT for no waiting request");
    return false;
  }
  auto decoded = auth::Base64Decode(args[2]);
  if (!decoded) {
    Pending pending = std::move(it->second);
    pending_.erase(it);
    Fail(*request_id, pending, "", "invalid base64 in a response", "Invalid base64 data", false);
    return true;
  }
  it->second.busy = true;
  asio::co_spawn(server_.io(), RunStep(*request_id, std::move(*decoded), false), asio::detached);
  return true;
}

asio::awaitable<void> ClientConnection::RunStep(unsigned request_id,
                                                std::optional<std::string> response, bool first) {
  auto self = shared_from_this();
  auth::Authenticator& authenticator = server_.authenticator();
  Pending* pending = &pending_.at(request_id);
  if (first && !pending->no_penalty) {
    auto delay = authenticator.penalty().Delay(pending->request.remote_ip);
    if (delay.count() > 0) {
      asio::steady_timer timer(server_.io(), delay);
      co_await timer.async_wait(asio::use_awaitable);
    }
  }
  auth::sasl::Mechanism* exchange = pending->exchange.get();
  Step step = co_await server_.OffThread([&]() {
    return first ? exchange->Start(response) : exchange->Next(*response);
  });
  if (closed_) co_return;
  pending = &pending_.at(request_id);
  pending->busy = false;
  if (step.kind == Step::Kind::kContinue) {
    Send("CONT\t" + std::to_string(request_id) + "\t" + auth::Base64Encode(step.data));
    co_return;
  }
  Pending done = std::move(*pending);
  pending_.erase(request_id);
  Finish(request_id, done, std::move(step));
}

void ClientConnection::Finish(unsigned request_id, Pending& pending, Step step) {
  auth::Authenticator& authenticator = server_.authenticator();
  const std::string& rip = pending.request.remote_ip;
  if (step.user.empty()) step.user = std::string(pending.source->last_user());
  if (step.kind == Step::Kind::kTempFail) {
    Fail(request_id, pending, step.user, "temporary failure: " + step.reason, "", true);
    return;
  }
  if (step.kind != Step::Kind::kSuccess) {
    if (!pending.no_penalty) authenticator.penalty().Failed(rip);
    Fail(request_id, pending, step.user, step.reason.empty() ? "failed" : step.reason, "", false);
    return;
  }
  AuthOutcome outcome = authenticator.Finish(pending.request, step.user, std::move(step.fields));
  if (outcome.status != AuthOutcome::Status::kOk) {
    if (!pending.no_penalty) authenticator.penalty().Failed(rip);
    Fail(request_id, pending, outcome.user, outcome.log_reason, outcome.client_reason,
         outcome.status == AuthOutcome::Status::kTempFail);
    return;
  }
  authenticator.penalty().Succeeded(rip);
  std::string line = "OK\t" + std::to_string(request_id) + "\tuser=" + TabEscape(outcome.user);
  for (const auto& [key, value] : outcome.fields) {
    if (key.starts_with("userdb_") || key == "nopassword" || key == "reason") continue;
    line += "\t" + TabEscape(value.empty() ? key : key + "=" + value);
  }
  if (!step.data.empty()) line += "\tresp=" + auth::Base64Encode(step.data);
  Log(pending, request_id, outcome.user, "ok");
  Send(std::move(line));
}

void ClientConnection::Fail(unsigned request_id, const Pending& pending, const std::string& user,
                            const std::string& log_reason, const std::string& client_reason,
                            bool temporary) {
  Log(pending, request_id, user, (temporary ? "tempfail: " : "failed: ") + log_reason);
  std::string line = "FAIL\t" + std::to_string(request_id);
  if (!user.empty()) line += "\tuser=" + TabEscape(user);
  if (temporary) {
    line += "\ttemp";
  } else if (!client_reason.empty()) {
    line += "\treason=" + TabEscape(client_reason);
  }
  auto delay = server_.authenticator().settings().failure_delay;
  if (temporary || delay.count() == 0) {
    Send(std::move(line));
    return;
  }
  // auth_failure_delay: a wrong password is answered late, so guessing costs time.
  auto timer = std::make_shared<asio::steady_timer>(server_.io(), delay);
  timer->async_wait([self = shared_from_this(), timer, line = std::move(line)](
                        const boost::system::error_code&) mutable { self->Send(std::move(line)); });
}

void ClientConnection::Log(const Pending& pending, unsigned request_id, const std::string& user,
                           const std::string& what) {
  base::LogLine("auth: session=" + std::to_string(id_) + "/" + std::to_string(request_id) +
                " user=<" + user + "> service=" + pending.request.service + " rip=" +
                pending.request.remote_ip + " mech=" + pending.mechanism + ": " + what);
}

}  // namespace

asio::awaitable<void> ServeClient(AuthServer& server, net::UnixSocket socket, uint64_t id) {
  auto connection = std::make_shared<ClientConnection>(server, std::move(socket), id);
  co_await connection->Run();
}

}  // namespace authd
