// extlists lists as Pigeonhole 2.4 configures them (testsuite-spec §5.4):
//   sieve_extlists_list = ":addrbook:default :addrbook:empty"     (the lists)
//   sieve_extlists_list/<list>/name = ":addrbook:default"
//   sieve_extlists_list/<list>/dict = "file"                      (none: an empty list)
//   sieve_extlists_list/<list>/dict/file/driver = "file"
//   sieve_extlists_list/<list>/dict/file/path = ".../addressbook.dict"
// An item is on a list when its dict has the key "priv/sieve/extlists/<item>".
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace testsuite {

using SettingLookup = std::function<std::optional<std::string>(std::string_view)>;

// Host::ExternalListContains over those settings: whether `item` is on the list whose name
// expands to the URI `list`; nullopt when no configured list has that name.
std::optional<bool> ConfiguredListContains(const SettingLookup& setting, std::string_view list,
                                           std::string_view item);

}  // namespace testsuite
