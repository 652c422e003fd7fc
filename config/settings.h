// Typed, validated Dovecot 2.3 settings on top of the syntax tree of config.h: every setting
// is checked against Dovecot's own registry (names, types, defaults, where each may appear),
// and a value Roost cannot honour (an mbox mail_location, a PAM passdb) is refused with the
// file and line that set it.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "config/config.h"
#include "config/values.h"

namespace config {

class Settings {
 public:
  // Validates every setting and section of `config`. Unknown settings (and section types)
  // are not errors: each appends "FILE:LINE: Unknown setting: NAME" to `warnings` (may be
  // nullptr). Errors, InvalidArgument with "FILE:LINE: ..." for the first bad line: a
  // known setting whose value has the wrong type, a section where Dovecot allows none, or
  // a value in the unsupported-values table (unsupported.cc). `plugin {}` and `dict {}`
  // keys are free-form; the known plugin keys are typed. A `key = <file` kept unread
  // (ParseOptions::read_value_files off) is not type-checked.
  [[nodiscard]] static base::Result<Settings> Build(Config config,
                                                    std::vector<std::string>* warnings);

  // The value at `path` (Config::Find syntax: "mail_location", "plugin/sieve",
  // "protocol/lda/mail_plugins", "service/lmtp/vsz_limit"): the last line that set it, else
  // the registry default for the section kind the path ends in, else "".
  std::string Get(std::string_view path) const;
  // Dovecot's filter semantics for one protocol: the value from `protocol <protocol> {}`
  // when set there, else as Get(key). `key` may itself be a path ("plugin/sieve").
  std::string GetFor(std::string_view protocol, std::string_view key) const;
  // Whether a line (or -o) set `path`, as opposed to the default applying.
  bool IsSet(std::string_view path) const;

  // Get(path) parsed. Build checked every known setting, so these fail only for a path
  // that has no value and no default (NotFound) or for an unknown key with a bad value.
  [[nodiscard]] base::Result<bool> GetBool(std::string_view path) const;
  [[nodiscard]] base::Result<uint64_t> GetUint(std::string_view path) const;
  [[nodiscard]] base::Result<uint64_t> GetSize(std::string_view path) const;
  [[nodiscard]] base::Result<std::chrono::milliseconds> GetTime(std::string_view path) const;
  // Get(path) split on spaces and commas ("protocols", "auth_mechanisms", "listen").
  std::vector<std::string> GetList(std::string_view path) const;

  const Config& config() const { return config_; }

 private:
  explicit Settings(Config config) : config_(std::move(config)) {}
  // The value, or NotFound when `path` is neither set nor has a default.
  base::Result<std::string> Lookup(std::string_view path) const;

  Config config_;
};

// The configuration Roost uses when there is no file: loopback only, Maildir under the
// home directory, passwd-file users, unprivileged ports. The text is kEmbeddedDefaultName
// in messages. `state_dir` is where the passwd-file (users) and the auth sockets live.
inline constexpr char kEmbeddedDefaultName[] = "<embedded default>";
[[nodiscard]] base::Result<Config> LoadEmbeddedDefault(
    std::string_view state_dir = "/var/lib/roost");
// The text LoadEmbeddedDefault parses, before `$state_dir` is expanded.
std::string_view EmbeddedDefaultText();

// The effective configuration as `doveconf` prints it. kChanged (`doveconf -n`): top-level
// settings whose value differs from the default (compared as typed values, so "1h" equals
// "1 hours"), and every section with the settings written in it. kAll: every top-level
// setting with its value, and the sections with their defaults filled in. Keys are sorted
// and same-named sections merged as doveconf does; filters (protocol, local, remote,
// local_name) come last. Like doveconf, values of secrets (keys ending in _password, _key,
// _nonce) read "# hidden, use -P to show it" unless `show_secrets`.
enum class DumpScope { kAll, kChanged };
std::string Dump(const Settings& settings, DumpScope scope, bool show_secrets = false);

}  // namespace config
