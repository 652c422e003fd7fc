// Dovecot's "file" dict as the corpus ships it (testsuite-spec §8): keys and values on
// alternating lines. Include storages and extlists address books use it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace testsuite {

// The value of `key` in the dict file `contents`, if it is there.
std::optional<std::string> FileDictLookup(std::string_view contents, std::string_view key);

}  // namespace testsuite
