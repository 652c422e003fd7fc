#include "testsuite/script_store.h"

#include <filesystem>

#include "base/fs.h"
#include "config/file_dict.h"

namespace testsuite {

ScriptStore::ScriptStore(std::string test_dir, SettingLookup setting)
    : test_dir_(std::move(test_dir)), setting_(std::move(setting)) {}

std::optional<std::string> ScriptStore::DictPath(sieve::ScriptLocation location) const {
  const std::string type = sieve::ScriptLocationName(location);
  for (const char* storage : {"included", "included-global"}) {
    const std::string prefix = std::string("sieve_script/") + storage + "/";
    if (setting_(prefix + "sieve_script_type") != type) continue;
    if (setting_(prefix + "sieve_script_driver") != "dict") continue;
    const std::string dict = setting_(prefix + "sieve_script_dict/dict").value_or("");
    return setting_(prefix + "sieve_script_dict/dict/" + dict + "/path");
  }
  return std::nullopt;
}

std::expected<std::optional<std::string>, std::string> ScriptStore::ReadScript(
    sieve::ScriptLocation location, std::string_view name) const {
  if (std::optional<std::string> dict = DictPath(location)) {
    auto contents = base::ReadFile(*dict);
    if (!contents) return std::unexpected("cannot read script dict '" + *dict + "'");
    std::optional<std::string> id =
        config::FileDictLookup(*contents, "priv/sieve/name/" + std::string(name));
    if (!id) return std::optional<std::string>();
    return config::FileDictLookup(*contents, "priv/sieve/data/" + *id);
  }
  const char* dir = location == sieve::ScriptLocation::kGlobal ? "included-global" : "included";
  std::filesystem::path path =
      std::filesystem::path(test_dir_) / dir / (std::string(name) + ".sieve");
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::optional<std::string>();
  auto source = base::ReadFile(path.string());
  if (!source) return std::unexpected("cannot read '" + path.string() + "'");
  return std::optional<std::string>(std::move(*source));
}

}  // namespace testsuite
