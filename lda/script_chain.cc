#include "lda/script_chain.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "base/fs.h"
#include "lda/mail_location.h"
#include "sieve-lang/directory_scripts.h"

namespace lda {
namespace {

bool IsFile(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// A before/after entry: a file, or every *.sieve in a directory in name order.
void AddScripts(const std::string& path, std::vector<std::string>& out) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
      if (entry.path().extension() == ".sieve" && entry.is_regular_file(ec)) {
        found.push_back(entry.path().string());
      }
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  } else if (IsFile(path)) {
    out.push_back(path);
  }
}

// sieve_before, sieve_before2, sieve_before3, ... until one is missing.
std::vector<std::string> Numbered(const std::map<std::string, std::string>& plugin,
                                  const std::string& key, const std::string& home) {
  std::vector<std::string> scripts;
  for (int n = 1;; ++n) {
    auto it = plugin.find(n == 1 ? key : key + std::to_string(n));
    if (it == plugin.end() || it->second.empty()) break;
    std::string location = it->second;
    if (location.starts_with("file:")) location = location.substr(5);
    location = location.substr(0, location.find(';'));
    AddScripts(ExpandHome(location, home), scripts);
  }
  return scripts;
}

// mtime in nanoseconds, or -1.
long long MTime(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return -1;
  return static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
}

// The binary holds the included scripts too (RFC 6609): one of them changed or gone since it
// was written (a new version uploaded over ManageSieve, say) makes it stale, as Pigeonhole
// judges its binaries.
bool IncludesOlderThan(const sieve::Program& program, const sieve::DirectoryScripts& scripts,
                       long long binary_time) {
  for (const sieve::IncludedScript& included : program.included()) {
    std::optional<std::string> path = scripts.PathOf(included.location, included.name);
    if (!path) return false;
    long long time = MTime(*path);
    if (time < 0 || time > binary_time) return false;
  }
  return true;
}

ChainScript Load(const sieve::Engine& engine, const std::string& path, bool global,
                 bool personal, const std::map<std::string, std::string>& include_settings) {
  ChainScript script{path, global, personal, nullptr, {}};
  std::string binary = BinaryPath(path);
  // RFC 6609 include: personal scripts beside the script (or in sieve_dir), global ones in
  // sieve_global_dir, as Pigeonhole's file storage.
  const sieve::DirectoryScripts scripts(include_settings, path);
  long long source_time = MTime(path), binary_time = MTime(binary);
  if (binary_time >= 0 && binary_time >= source_time) {
    if (auto bytes = base::ReadFile(binary)) {
      auto program = engine.Load(*bytes, global);
      if (program && IncludesOlderThan(*program, scripts, binary_time)) {
        script.program = std::make_shared<const sieve::Program>(std::move(*program));
        return script;
      }
    }
    // A damaged binary, one from another version or with a changed include: compile again.
  }
  auto source = base::ReadFile(path);
  if (!source) {
    script.errors = path + ": " + source.error().message();
    return script;
  }
  std::string name = std::filesystem::path(path).stem().string();
  sieve::CompileOutput compiled = engine.Compile(*source, name, &scripts, global);
  if (!compiled.program) {
    for (const sieve::Diagnostic& diagnostic : compiled.diagnostics) {
      script.errors += path + ": " + sieve::FormatPigeonhole(diagnostic) + "\n";
    }
    return script;
  }
  // Saving is an optimization: a read-only directory (a global script dir) is fine.
  (void)base::WriteFileAtomic(binary, compiled.program->bytes());
  script.program = std::make_shared<const sieve::Program>(std::move(*compiled.program));
  return script;
}

}  // namespace

std::string BinaryPath(const std::string& script_path) {
  if (script_path.ends_with(".sieve")) {
    return script_path.substr(0, script_path.size() - 6) + ".svbin";
  }
  return script_path + ".svbin";
}

ChainPaths FindChain(const std::map<std::string, std::string>& plugin, const std::string& home) {
  ChainPaths paths;
  paths.before = Numbered(plugin, "sieve_before", home);
  paths.after = Numbered(plugin, "sieve_after", home);
  // `sieve = file:~/sieve;active=~/.dovecot.sieve`: the active script is the `active=` link;
  // a plain `sieve = ~/.dovecot.sieve` names the script itself.
  std::string active = "~/.dovecot.sieve";
  if (auto it = plugin.find("sieve"); it != plugin.end() && !it->second.empty()) {
    std::string value = it->second;
    size_t pos = value.find(";active=");
    if (pos != std::string::npos) {
      active = value.substr(pos + 8);
      active = active.substr(0, active.find(';'));
    } else if (!value.starts_with("file:")) {
      active = value.substr(0, value.find(';'));
    } else {
      active = value.substr(5, value.find(';') - 5);
    }
  }
  std::string active_path = ExpandHome(active, home);
  if (IsFile(active_path)) {
    // The active link points into the script directory: compile and cache the script there
    // (~/sieve/main.svbin), as Pigeonhole does, not beside the link.
    std::error_code ec;
    auto target = std::filesystem::canonical(active_path, ec);
    paths.personal = ec ? active_path : target.string();
  }
  if (!paths.personal) {
    if (auto it = plugin.find("sieve_default"); it != plugin.end() && !it->second.empty()) {
      std::string location = it->second;
      if (location.starts_with("file:")) location = location.substr(5);
      location = ExpandHome(location.substr(0, location.find(';')), home);
      if (IsFile(location)) paths.fallback = location;
    }
  }
  for (const char* key : {"sieve_dir", "sieve_global_dir", "sieve_global"}) {
    auto it = plugin.find(key);
    if (it == plugin.end() || it->second.empty()) continue;
    std::string location = it->second;
    bool file = location.starts_with("file:");
    if (file) location = location.substr(5);
    location = ExpandHome(location.substr(0, location.find(';')), home);
    paths.include_settings[key] = file ? "file:" + location : location;
  }
  auto log = plugin.find("sieve_user_log");
  paths.user_log = log != plugin.end() && !log->second.empty()
                       ? ExpandHome(log->second, home)
                       : active_path + ".log";
  return paths;
}

std::vector<ChainScript> LoadChain(const sieve::Engine& engine, const ChainPaths& paths) {
  std::vector<ChainScript> chain;
  auto load = [&](const std::string& path, bool global, bool personal) {
    return Load(engine, path, global, personal, paths.include_settings);
  };
  for (const std::string& path : paths.before) chain.push_back(load(path, true, false));
  if (paths.personal) chain.push_back(load(*paths.personal, false, true));
  else if (paths.fallback) chain.push_back(load(*paths.fallback, true, false));
  for (const std::string& path : paths.after) chain.push_back(load(path, true, false));
  return chain;
}

}  // namespace lda
