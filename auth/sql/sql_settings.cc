#include <optional>
#include <utility>
#include <vector>

#include "auth/sql/sql_settings_internal.h"
#include "base/strings.h"

namespace auth::sql {
namespace {

struct Word {
  std::string key;
  std::string value;
};

// Splits "k=v k2=\"a b\"" into words. A value may be double-quoted (backslash escapes the
// next character) so that a password can hold spaces; Dovecot 2.3 itself splits on spaces.
base::Result<std::vector<Word>> SplitConnect(std::string_view s) {
  std::vector<Word> words;
  size_t i = 0;
  while (true) {
    while (i < s.size() && base::IsAsciiSpace(s[i])) ++i;
    if (i == s.size()) return words;
    size_t start = i;
    while (i < s.size() && s[i] != '=' && !base::IsAsciiSpace(s[i])) ++i;
    if (i == s.size() || s[i] != '=' || i == start) {
      while (i < s.size() && !base::IsAsciiSpace(s[i])) ++i;
      return base::Err(base::Status::InvalidArgument(
          "connect: expected key=value, got '" + std::string(s.substr(start, i - start)) + "'"));
    }
    Word word{std::string(s.substr(start, i - start)), {}};
    ++i;
    if (i < s.size() && s[i] == '"') {
      for (++i; i < s.size() && s[i] != '"'; ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) ++i;
        word.value.push_back(s[i]);
      }
      if (i == s.size()) {
        return base::Err(
            base::Status::InvalidArgument("connect: missing closing \" in " + word.key + "="));
      }
      ++i;
    } else {
      while (i < s.size() && !base::IsAsciiSpace(s[i])) word.value.push_back(s[i++]);
    }
    words.push_back(std::move(word));
  }
}

base::Result<unsigned> ParseNumber(const Word& word, uint64_t max) {
  auto n = base::ParseUint64(word.value);
  if (!n || *n > max) {
    return base::Err(base::Status::InvalidArgument("connect: " + word.key + "=" + word.value +
                                                   " is not a number up to " +
                                                   std::to_string(max)));
  }
  return static_cast<unsigned>(*n);
}

// One word of the connect string into `out`.
base::Status ApplyConnectWord(const Word& word, ConnectSettings& out) {
  std::string* text = word.key == "host"       ? &out.host
                      : word.key == "dbname"   ? &out.dbname
                      : word.key == "user"     ? &out.user
                      : word.key == "password" ? &out.password
                                               : nullptr;
  if (text != nullptr) {
    *text = word.value;
    return base::Status::Ok();
  }
  std::chrono::seconds* timeout = word.key == "connect_timeout" ? &out.connect_timeout
                                  : word.key == "read_timeout"  ? &out.read_timeout
                                  : word.key == "write_timeout" ? &out.write_timeout
                                                                : nullptr;
  bool is_port = word.key == "port";
  if (timeout == nullptr && !is_port) {
    return base::Status::InvalidArgument("connect: unknown or unsupported key '" + word.key + "'");
  }
  auto n = ParseNumber(word, is_port ? 65535 : 86400);
  if (!n) return n.error();
  if (is_port) {
    out.port = *n;
  } else {
    *timeout = std::chrono::seconds(*n);
  }
  return base::Status::Ok();
}

base::Status AtLine(const config::Setting& setting, const base::Status& status) {
  return base::Status::InvalidArgument(setting.file + ":" + std::to_string(setting.line) + ": " +
                                       status.message());
}

}  // namespace

std::string ConnectSettings::Where() const {
  if (!unix_socket.empty()) return unix_socket;
  // libmysqlclient takes "localhost" to mean its default socket, whatever the port.
  if (host == "localhost") return "localhost (default socket)";
  return host + ":" + std::to_string(port == 0 ? 3306 : port);
}

base::Result<ConnectSettings> ParseConnectString(std::string_view connect) {
  auto words = SplitConnect(connect);
  if (!words) return base::Err(words.error());
  ConnectSettings out;
  bool have_host = false;
  for (const Word& word : *words) {
    // Dovecot balances over several host= words; one server is all Roost supports.
    if (word.key == "host" && std::exchange(have_host, true)) {
      return base::Err(base::Status::InvalidArgument("connect: only one host= is supported"));
    }
    if (base::Status status = ApplyConnectWord(word, out); !status.ok()) return base::Err(status);
  }
  if (!have_host || out.host.empty()) {
    return base::Err(base::Status::InvalidArgument("connect: no host= given"));
  }
  if (out.host.front() == '/') out.unix_socket = std::exchange(out.host, "localhost");
  return out;
}

base::Result<SqlSettings> ParseSqlSettings(const config::Config& config, std::string_view path) {
  SqlSettings out;
  out.path = std::string(path);
  if (!config.root.children.empty()) {
    const config::Section& section = config.root.children.front();
    return base::Err(base::Status::InvalidArgument(
        section.file + ":" + std::to_string(section.line) + ": unexpected section '" +
        section.type + "' in an SQL settings file"));
  }
  std::string* queries[] = {&out.password_query, &out.user_query, &out.iterate_query,
                            &out.default_pass_scheme};
  constexpr std::string_view kQueryKeys[] = {"password_query", "user_query", "iterate_query",
                                             "default_pass_scheme"};
  bool have_driver = false, have_connect = false;
  // Every line is checked, so a typo on a line a later one overrides is still reported.
  for (const config::Setting& setting : config.root.settings) {
    if (setting.key == "driver") {
      if (setting.value != "mysql") {
        return base::Err(
            AtLine(setting, base::Status::InvalidArgument("driver '" + setting.value +
                                                          "' is not supported (only mysql is)")));
      }
      have_driver = true;
    } else if (setting.key == "connect") {
      auto connect = ParseConnectString(setting.value);
      if (!connect) return base::Err(AtLine(setting, connect.error()));
      out.connect = std::move(*connect);
      have_connect = true;
    } else if (setting.key == "userdb_warning_disable") {
      // Dovecot's switch for a log warning Roost does not give.
    } else {
      size_t i = 0;
      while (i < std::size(kQueryKeys) && kQueryKeys[i] != setting.key) ++i;
      if (i == std::size(kQueryKeys)) {
        return base::Err(AtLine(
            setting, base::Status::InvalidArgument("unknown setting '" + setting.key + "'")));
      }
      *queries[i] = setting.value;
    }
  }
  if (!have_driver || !have_connect) {
    return base::Err(base::Status::InvalidArgument(
        std::string(path) + ": " + (have_driver ? "connect" : "driver") + " is not set"));
  }
  return out;
}

base::Result<SqlSettings> LoadSqlSettings(const std::string& path) {
  auto config = config::ParseFile(path);
  if (!config) return base::Err(config.error());
  return ParseSqlSettings(*config, path);
}

}  // namespace auth::sql
