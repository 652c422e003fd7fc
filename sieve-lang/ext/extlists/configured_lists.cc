#include "sieve-lang/ext/extlists/configured_lists.h"

#include "base/strings.h"
#include "sieve-lang/ext/extlists/extlists.h"

namespace sieve::ext {
namespace {

constexpr std::string_view kListsKey = "sieve_extlists_list";

// Whether the dict of configured list `id` has `item`; false when the list has no dict (or
// one this runner cannot read).
bool DictHas(const SettingLookup& setting, const FileDictHas& dict_has, const std::string& id,
             std::string_view item) {
  const std::string prefix = std::string(kListsKey) + "/" + id + "/dict";
  std::optional<std::string> dict = setting(prefix);
  if (!dict || dict->empty()) return false;
  const std::string dict_prefix = prefix + "/" + *dict + "/";
  if (setting(dict_prefix + "driver").value_or("file") != "file") return false;
  std::optional<std::string> path = setting(dict_prefix + "path");
  if (!path) return false;
  return dict_has(*path, "priv/sieve/extlists/" + std::string(item)).value_or(false);
}

}  // namespace

std::optional<bool> ConfiguredListContains(const SettingLookup& setting,
                                           const FileDictHas& dict_has, std::string_view list,
                                           std::string_view item) {
  const std::string ids = setting(kListsKey).value_or("");
  for (std::string_view id : base::SplitString(ids, ' ')) {
    id = base::TrimWhitespace(id);
    if (id.empty()) continue;
    const std::string key = std::string(kListsKey) + "/" + std::string(id);
    const std::string name = setting(key + "/name").value_or(std::string(id));
    if (ExpandListName(name) != list) continue;
    return !item.empty() && DictHas(setting, dict_has, std::string(id), item);
  }
  return std::nullopt;
}

}  // namespace sieve::ext
