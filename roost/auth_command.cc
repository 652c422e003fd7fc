#include "roost/auth_command.h"

#include <sysexits.h>

#include <cstring>
#include <iostream>
#include <string>

#include "auth/authenticator.h"
#include "roost/auth_setup.h"
#include "roost/settings_loader.h"

namespace roost {
namespace {

// sysexits.h values, as doveadm uses them.
constexpr int kExitOk = EX_OK, kExitFailure = 1, kExitUsage = EX_USAGE, kExitNoUser = EX_NOUSER,
              kExitTempFail = EX_TEMPFAIL, kExitNoPerm = EX_NOPERM;

constexpr char kUsage[] =
    "Usage: roost auth test [CONFIG] [-x KEY=VALUE]... USER [PASSWORD]\n"
    "       roost auth lookup [CONFIG] USER\n"
    "       roost user [CONFIG] USER\n"
    "CONFIG: -c FILE | --embedded [--state-dir DIR], then -o KEY=VALUE...\n"
    "\n"
    "Runs the login and user lookups of the configuration's passdbs and userdbs in this\n"
    "process, like `doveadm auth test`, `doveadm auth lookup` and `doveadm user`:\n"
    "  auth test    checks USER's PASSWORD (read from standard input when not given) and\n"
    "               prints the passdb's extra fields and the userdb's fields\n"
    "  auth lookup  prints what the passdb knows of USER (the stored password included)\n"
    "  user         prints what the userdb knows of USER (home, mail, uid, gid, ...)\n"
    "  -x KEY=VALUE the login's context: service=imap (default), rip=IP, lip=IP\n"
    "\n"
    "Exit status: 0 success, 77 authentication failed, 67 no such user, 75 temporary\n"
    "failure (database down: see the message), 1 configuration error, 64 usage.\n";

void PrintFields(const char* title, const auth::Fields& fields) {
  std::cout << title << "\n";
  for (const auto& [key, value] : fields) {
    std::cout << "  " << key << (value.empty() ? "" : "=" + value) << "\n";
  }
}

int Usage(const std::string& problem) {
  std::cerr << "roost: " << problem << "\n" << kUsage;
  return kExitUsage;
}

}  // namespace

int AuthCommand(std::string_view verb, int argc, char** argv) {
  if (verb != "test" && verb != "lookup" && verb != "user") {
    bool help = argc >= 1 && (std::strcmp(argv[0], "--help") == 0 || std::strcmp(argv[0], "-h") == 0);
    if (help) {
      std::cout << kUsage;
      return kExitOk;
    }
    return Usage(argc >= 1 ? "unknown auth command '" + std::string(argv[0]) + "'"
                           : "roost auth needs a command");
  }
  ConfigSource source;
  auth::AuthRequest request{.service = "imap"};
  std::vector<std::string> positional;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      std::cout << kUsage;
      return kExitOk;
    }
    if (TakeConfigOption(argc, argv, i, source)) continue;
    if (std::strcmp(argv[i], "-x") == 0 && i + 1 < argc) {
      std::string_view kv = argv[++i];
      size_t eq = kv.find('=');
      std::string key(kv.substr(0, eq)), value(eq == kv.npos ? "" : kv.substr(eq + 1));
      if (key == "service") request.service = value;
      else if (key == "rip") request.remote_ip = value;
      else if (key == "lip") request.local_ip = value;
      else return Usage("unknown -x key '" + key + "'");
      continue;
    }
    if (argv[i][0] == '-' && argv[i][1] != '\0') return Usage(std::string("unknown option ") + argv[i]);
    positional.emplace_back(argv[i]);
  }
  size_t max_args = verb == "test" ? 2 : 1;
  if (positional.empty() || positional.size() > max_args) return Usage("wrong number of arguments");

  auto settings = LoadSettings(source, "roost");
  if (!settings) {
    std::cerr << "roost: " << settings.error().message() << "\n";
    return kExitFailure;
  }
  auto authenticator = MakeAuthenticator(*settings);
  if (!authenticator) {
    std::cerr << "roost: " << authenticator.error().message() << "\n";
    return kExitFailure;
  }
  auth::Authenticator& auth = **authenticator;
  auto user = auth.NormalizeUser(positional[0]);
  if (!user) {
    std::cerr << "roost: '" << positional[0] << "' is not a valid user name (auth_username_chars)\n";
    return verb == "test" ? kExitNoPerm : kExitNoUser;
  }
  request.user = *user;

  if (verb == "test") {
    std::string password;
    if (positional.size() == 2) {
      password = positional[1];
    } else {
      std::getline(std::cin, password);
    }
    auth::AuthOutcome outcome = auth.VerifyPlain(request, password);
    switch (outcome.status) {
      case auth::AuthOutcome::Status::kOk: {
        std::cout << "passdb: " << outcome.user << " auth succeeded\n";
        PrintFields("extra fields:", outcome.fields);
        auth::UserOutcome found = auth.LookupUser(
            {.user = outcome.user, .service = request.service, .remote_ip = request.remote_ip},
            auth::PrefetchedFields(outcome.fields));
        if (found.status == auth::LookupResult::Status::kFound) {
          PrintFields("userdb fields:", found.fields);
        } else if (found.status == auth::LookupResult::Status::kTempFail) {
          std::cerr << "roost: userdb lookup failed temporarily: " << found.error << "\n";
          return kExitTempFail;
        } else {
          std::cout << "userdb: " << outcome.user << " not found\n";
        }
        return kExitOk;
      }
      case auth::AuthOutcome::Status::kFail:
        std::cout << "passdb: " << request.user << " auth failed ("
                  << outcome.log_reason << ")\n";
        if (!outcome.client_reason.empty()) std::cout << "reason: " << outcome.client_reason << "\n";
        return kExitNoPerm;
      case auth::AuthOutcome::Status::kTempFail:
        std::cerr << "roost: passdb: " << request.user << " temporary failure: "
                  << outcome.log_reason << "\n";
        return kExitTempFail;
    }
  }
  if (verb == "lookup") {
    auth::sasl::Credentials credentials = auth.LookupCredentials(request);
    using CS = auth::sasl::Credentials::Status;
    if (credentials.status == CS::kTempFail) {
      std::cerr << "roost: passdb lookup failed temporarily for " << request.user << "\n";
      return kExitTempFail;
    }
    if (credentials.status == CS::kNotFound) {
      std::cout << "passdb: " << request.user << " not found\n";
      return kExitNoUser;
    }
    std::cout << "passdb: " << credentials.user << "\n";
    PrintFields("fields:", credentials.fields);
    return kExitOk;
  }
  auth::UserOutcome found = auth.LookupUser(request);
  if (found.status == auth::LookupResult::Status::kTempFail) {
    std::cerr << "roost: userdb lookup failed temporarily: " << found.error << "\n";
    return kExitTempFail;
  }
  if (found.status == auth::LookupResult::Status::kNotFound) {
    std::cout << "userdb: " << request.user << " not found\n";
    return kExitNoUser;
  }
  std::cout << "userdb: " << found.user << "\n";
  PrintFields("fields:", found.fields);
  return kExitOk;
}

}  // namespace roost
