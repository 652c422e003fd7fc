// Dovecot's auth-userdb (master) protocol, the lookups roost-lda and the services make:
//   S: VERSION 1 2 / SPID pid
//   C: VERSION 1 x
//   C: USER id user service=lda      S: USER id user field=value... | NOTFOUND id | FAIL id
//   C: PASS id user service=..       S: PASS id user=.. fields...   | NOTFOUND id | FAIL id
// Lookups run one after another per connection (each caller opens its own connection).
#include <unistd.h>

#include "authd/auth_server.h"
#include "authd/tab_escape.h"
#include "base/log.h"
#include "net/line_stream.h"

namespace authd {
namespace {

auth::AuthRequest RequestFrom(const std::vector<std::string>& args, std::string user) {
  auth::AuthRequest request{.user = std::move(user)};
  for (size_t i = 3; i < args.size(); ++i) {
    std::string_view arg = args[i];
    size_t eq = arg.find('=');
    std::string_view key = arg.substr(0, eq);
    std::string value = eq == std::string_view::npos ? "" : std::string(arg.substr(eq + 1));
    if (key == "service") request.service = value;
    else if (key == "rip") request.remote_ip = value;
    else if (key == "lip") request.local_ip = value;
  }
  return request;
}

std::string FieldsText(const auth::Fields& fields, bool skip_password) {
  std::string text;
  for (const auto& [key, value] : fields) {
    if (skip_password && key == "password") continue;
    text += "\t" + TabEscape(value.empty() ? key : key + "=" + value);
  }
  return text;
}

}  // namespace

asio::awaitable<void> ServeUserdb(AuthServer& server, net::UnixSocket socket, uint64_t id) {
  net::LineStream<net::UnixSocket> stream(std::move(socket), AuthServer::kMaxLineLength);
  auth::Authenticator& authenticator = server.authenticator();
  if (!co_await stream.Write("VERSION\t1\t2\nSPID\t" + std::to_string(getpid()) + "\n")) co_return;
  bool versioned = false;
  while (true) {
    auto line = co_await stream.ReadLine();
    if (!line.text) co_return;
    std::vector<std::string> args = SplitTabs(*line.text);
    if (args[0] == "VERSION") {
      versioned = args.size() >= 2 && args[1] == "1";
      if (!versioned) co_return;
      continue;
    }
    if (!versioned || args.size() < 3 || (args[0] != "USER" && args[0] != "PASS")) {
      base::LogLine("auth: userdb " + std::to_string(id) + ": bad request '" + args[0] + "'");
      co_return;
    }
    const std::string& request_id = args[1];
    auto normalized = authenticator.NormalizeUser(args[2]);
    std::string reply;
    if (!normalized) {
      reply = "NOTFOUND\t" + request_id;
    } else if (args[0] == "USER") {
      auth::AuthRequest request = RequestFrom(args, *normalized);
      auth::UserOutcome found =
          co_await server.OffThread([&] { return authenticator.LookupUser(request); });
      switch (found.status) {
        case auth::LookupResult::Status::kFound:
          reply = "USER\t" + request_id + "\t" + TabEscape(found.user) +
                  FieldsText(found.fields, false);
          break;
        case auth::LookupResult::Status::kNotFound:
          reply = "NOTFOUND\t" + request_id;
          break;
        case auth::LookupResult::Status::kTempFail:
          base::LogLine("auth: userdb " + std::to_string(id) + " user=<" + request.user +
                        ">: lookup failed: " + found.error);
          reply = "FAIL\t" + request_id + "\treason=Internal error";
          break;
      }
    } else {
      auth::AuthRequest request = RequestFrom(args, *normalized);
      auto credentials =
          co_await server.OffThread([&] { return authenticator.LookupCredentials(request); });
      using CS = auth::sasl::Credentials::Status;
      if (credentials.status == CS::kFound) {
        reply = "PASS\t" + request_id + "\tuser=" + TabEscape(credentials.user) +
                FieldsText(credentials.fields, true);
      } else if (credentials.status == CS::kNotFound) {
        reply = "NOTFOUND\t" + request_id;
      } else {
        reply = "FAIL\t" + request_id + "\treason=Internal error";
      }
    }
    if (!co_await stream.Write(reply + "\n")) co_return;
  }
}

}  // namespace authd
