#include "roost/pw_command.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <optional>
#include <string>

#include "auth/password_scheme.h"

namespace roost {
namespace {

constexpr int kExitOk = 0, kExitFailure = 1, kExitUsage = 64;

constexpr char kUsage[] =
    "Usage: roost pw [-s SCHEME] [-p PASSWORD] [-t HASH] [-l]\n"
    "\n"
    "Prints PASSWORD hashed with SCHEME (default CRYPT, i.e. bcrypt) as '{SCHEME}hash', the\n"
    "form Dovecot's user databases store, like `doveadm pw`. Without -p the password is read\n"
    "from the terminal (twice, not echoed) or from the first line of standard input.\n"
    "  -s SCHEME    PLAIN CLEARTEXT CRYPT MD5-CRYPT SHA256-CRYPT SHA512-CRYPT BLF-CRYPT SHA\n"
    "               SSHA SHA256 SSHA256 SHA512 SSHA512 PBKDF2 CRAM-MD5 ...; a .HEX or .B64\n"
    "               suffix picks the encoding\n"
    "  -t HASH      check PASSWORD against HASH instead ('{SCHEME}...' or a crypt string)\n"
    "  -l           list the schemes\n"
    "\n"
    "Exit status: 0 done (with -t: the password matches), 1 no match, unknown scheme or\n"
    "malformed hash, 64 usage error.\n";

std::optional<std::string> ReadLineQuietly(const char* prompt) {
  bool tty = isatty(STDIN_FILENO) != 0;
  termios saved{};
  if (tty) {
    std::cerr << prompt << std::flush;
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  bool ok = static_cast<bool>(std::getline(std::cin, line));
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
  }
  if (!ok) return std::nullopt;
  return line;
}

}  // namespace

int PwCommand(int argc, char** argv) {
  std::string scheme = "CRYPT";
  std::optional<std::string> password, test_hash;
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= argc) return std::nullopt;
      return std::string(argv[++i]);
    };
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return kExitOk;
    } else if (arg == "-l") {
      for (const std::string& name : auth::KnownSchemes()) std::cout << name << " ";
      std::cout << "\n";
      return kExitOk;
    } else if (arg == "-s" || arg == "-p" || arg == "-t") {
      auto v = value();
      if (!v) {
        std::cerr << "roost pw: " << arg << " needs a value\n" << kUsage;
        return kExitUsage;
      }
      (arg == "-s" ? scheme : arg == "-p" ? password.emplace() : test_hash.emplace()) = *v;
    } else {
      std::cerr << "roost pw: unknown argument '" << arg << "'\n" << kUsage;
      return kExitUsage;
    }
  }
  if (!password) {
    password = ReadLineQuietly("Enter new password: ");
    if (!password) {
      std::cerr << "roost pw: no password given\n";
      return kExitUsage;
    }
    if (isatty(STDIN_FILENO) && !test_hash) {
      auto again = ReadLineQuietly("Retype new password: ");
      if (again != password) {
        std::cerr << "roost pw: passwords do not match\n";
        return kExitFailure;
      }
    }
  }
  if (test_hash) {
    auto match = auth::VerifyPassword(*test_hash, *password, scheme);
    if (!match) {
      std::cerr << "roost pw: " << match.error().message() << "\n";
      return kExitFailure;
    }
    std::cout << (*match ? "(verified)" : "(not verified)") << "\n";
    return *match ? kExitOk : kExitFailure;
  }
  auto hashed = auth::HashPassword(scheme, *password);
  if (!hashed) {
    std::cerr << "roost pw: " << hashed.error().message() << "\n";
    return kExitFailure;
  }
  std::cout << *hashed << "\n";
  return kExitOk;
}

}  // namespace roost
