// extlists lists as Pigeonhole 2.4 configures them (testsuite-spec §5.4), for embedders that
// take their lists from settings (the testsuite runner, sieve-test):
//   sieve_extlists_list = ":addrbook:default :addrbook:empty"     (the lists)
//   sieve_extlists_list/<list>/name = ":addrbook:default"
//   sieve_extlists_list/<list>/dict = "file"                      (none: an empty list)
//   sieve_extlists_list/<list>/dict/file/driver = "file"
//   sieve_extlists_list/<list>/dict/file/path = ".../addressbook.dict"
// An item is on a list when its dict has the key "priv/sieve/extlists/<item>". The engine
// reads no files: the embedder looks keys up in dict files (config/file_dict.h does).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace sieve::ext {

using SettingLookup = std::function<std::optional<std::string>(std::string_view key)>;
// Whether the "file" dict at `path` has `key`; nullopt when the file cannot be read.
using FileDictHas = std::function<std::optional<bool>(std::string_view path, std::string_view key)>;

// Host::ExternalListContains over those settings: whether `item` is on the list whose name
// expands to the URI `list`; nullopt when no configured list has that name.
std::optional<bool> ConfiguredListContains(const SettingLookup& setting,
                                           const FileDictHas& dict_has, std::string_view list,
                                           std::string_view item);

}  // namespace sieve::ext
