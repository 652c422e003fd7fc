#include "sieve-lang/directory_scripts.h"

#include <filesystem>

#include "base/fs.h"

namespace sieve {
namespace {

std::string Get(const std::map<std::string, std::string>& settings, const char* key) {
  auto it = settings.find(key);
  return it == settings.end() ? std::string() : it->second;
}

}  // namespace

DirectoryScripts::DirectoryScripts(const std::map<std::string, std::string>& settings,
                                   const std::string& script_path) {
  personal_dir_ = Get(settings, "sieve_dir");
  if (personal_dir_.empty()) {
    personal_dir_ = std::filesystem::path(script_path).parent_path().string();
    if (personal_dir_.empty()) personal_dir_ = ".";
  }
  global_dir_ = Get(settings, "sieve_global_dir");
  if (global_dir_.empty()) {
    const std::string location = Get(settings, "sieve_global");
    std::string_view dir = location;
    if (dir.starts_with("file:")) dir.remove_prefix(5);
    global_dir_.assign(dir.data(), dir.size());
  }
}

std::optional<std::string> DirectoryScripts::PathOf(ScriptLocation location,
                                                    std::string_view name) const {
  const bool global = location == ScriptLocation::kGlobal;
  if (global && global_dir_.empty()) return std::nullopt;
  return (std::filesystem::path(global ? global_dir_ : personal_dir_) / (std::string(name) + ".sieve"))
      .string();
}

std::expected<std::optional<std::string>, std::string> DirectoryScripts::ReadScript(
    ScriptLocation location, std::string_view name) const {
  std::optional<std::string> path = PathOf(location, name);
  if (!path) {
    return std::unexpected(
        std::string("no global script directory configured (set sieve_global_dir)"));
  }
  std::error_code ec;
  if (!std::filesystem::exists(*path, ec)) return std::optional<std::string>();
  auto source = base::ReadFile(*path);
  if (!source) return std::unexpected(source.error().message());
  return std::optional<std::string>(std::move(*source));
}

}  // namespace sieve
