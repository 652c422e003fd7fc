// Dovecot 2.3 configuration files as a tree of sections and settings, each setting carrying
// the file:line it came from. This is the syntax layer only: typed per-daemon settings are
// built on top of it, and unknown keys are the caller's business (design.md §0).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/status.h"

namespace config {

class FileSource;

// One `key = value` line. `value` is final: unquoted, `$var`-expanded, `<file` read.
struct Setting {
  std::string key;
  std::string value;
  std::string file;  // path of the file it was read from, "<string>" or "<command line>"
  int line = 0;      // 1-based line where the setting started; 0 for overrides
  // Resolved path when the value was written `key = <path`; empty otherwise. With
  // ParseOptions::read_value_files off, `value` is "<" + this path, as doveconf shows it.
  std::string value_file;
};

// A `type [name] { ... }` block, or the implicit root (empty type and name).
// Settings and children each keep file order. Plain value type; thread-compatible.
struct Section {
  std::string type;  // "service", "protocol", "plugin", ...
  std::string name;  // "lmtp" in `service lmtp {`; empty for `plugin {`
  std::string file;  // where the `{` was
  int line = 0;
  std::vector<Setting> settings;
  std::vector<Section> children;

  // Returns the last `key` setting directly in this section (later lines override earlier
  // ones, as in Dovecot), or nullptr. Does not look into children or parents.
  const Setting* Find(std::string_view key) const;
  // Returns the first child with this type and name, or nullptr.
  const Section* FindSection(std::string_view type, std::string_view name = {}) const;
  Section* FindSection(std::string_view type, std::string_view name = {});
  // Returns every child with this type and name, in file order (conf.d often has several
  // `plugin {}` blocks).
  std::vector<const Section*> FindSections(std::string_view type, std::string_view name = {}) const;
};

struct Config {
  Section root;
  // Every file read, in order: the main file, includes, `<file` values. For reload checks.
  std::vector<std::string> files;

  // Looks a setting up by path: "key", "type/key" (unnamed section, e.g. "plugin/sieve"),
  // "type/name/key" ("protocol/lda/mail_plugins"), pairs repeating for deeper sections
  // (segments pair up as type/name; a single leftover is an unnamed type). Across repeated
  // sections the last setting wins. Returns nullptr when absent.
  const Setting* Find(std::string_view path) const;
};

// Opens files for the parser: the only way parsing touches the disk (house rule 3).
// Implementations must be thread-compatible.
class FileSource {
 public:
  virtual ~FileSource() = default;
  // Returns the file's bytes; NotFound if it does not exist, another Status otherwise.
  [[nodiscard]] virtual base::Result<std::string> Read(const std::string& path) const = 0;
  // Returns the paths matching a glob(3) pattern, sorted; empty when nothing matches.
  [[nodiscard]] virtual base::Result<std::vector<std::string>> Glob(
      const std::string& pattern) const = 0;
};

// The real filesystem (base::ReadFile and glob(3)). Stateless; safe to share.
const FileSource& RealFiles();

struct ParseOptions {
  // When false, `key = <path` keeps "<path" as its value (Dovecot reads such files, e.g.
  // ssl_cert, only when the setting is used); Setting::value_file holds the path either way.
  bool read_value_files = true;
  // Where files come from; nullptr means RealFiles().
  const FileSource* files = nullptr;
};

// Parses the configuration file at `path` and everything it includes.
// On failure the Status message is "<file>:<line>: <what>" (InvalidArgument for syntax;
// the original code, e.g. NotFound, for files that cannot be read).
[[nodiscard]] base::Result<Config> ParseFile(const std::string& path,
                                             const ParseOptions& options = {});
// Parses `text` as if it were a file called `name`; relative includes resolve against the
// directory part of `name` (the current directory when it has none).
[[nodiscard]] base::Result<Config> ParseString(std::string_view text,
                                               std::string_view name = "<string>",
                                               const ParseOptions& options = {});

// Applies a command-line `-o key=value`: the path syntax of Config::Find, creating missing
// sections, appended so it wins over the file. A bare `sieve` or `sieve_*` key goes into
// plugin {}, as Pigeonhole's tools do. InvalidArgument on a malformed override.
[[nodiscard]] base::Status ApplyOverride(Config& config, std::string_view key_value);

// The merged `plugin {}` settings: every top-level plugin block in order, then (if
// `protocol` is given) the plugin blocks inside `protocol <protocol> {}`. Later wins.
std::map<std::string, std::string> PluginSettings(const Config& config,
                                                  std::string_view protocol = {});

}  // namespace config
