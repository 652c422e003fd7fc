// Dovecot's "file" dict driver format: keys and values on alternating lines. Script dicts
// (sieve_script ... dict) and extlists address books (sieve_extlists_list) point to such files.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace config {

// The value of `key` in the dict file `contents`, if it is there.
std::optional<std::string> FileDictLookup(std::string_view contents, std::string_view key);
// Whether the dict file at `path` has `key`; nullopt when the file cannot be read.
std::optional<bool> FileDictHasKey(std::string_view path, std::string_view key);

}  // namespace config
