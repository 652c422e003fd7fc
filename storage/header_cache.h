// The header cache of Roost's index (`roost.cache` beside the Maildir files): the header
// block of each message, read from its file once. Maildir files never change content (only
// their names, for flags), so an entry stays right for as long as the message exists; entries
// of expunged messages are dropped when the cache is compacted. Each entry is
// "<base> <length>\n<header bytes>\n", appended with one O_APPEND write; a torn or damaged tail
// ends the readable part (the rest is read from the files again).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "base/result.h"

namespace storage {

class HeaderCache {
 public:
  explicit HeaderCache(std::string path);

  // The cached header block of the message with Maildir base name `base`.
  std::optional<std::string> Get(std::string_view base);
  // Adds an entry (in memory and on disk).
  base::Status Put(std::string_view base, std::string_view header);
  // Rewrites the file with only the entries of `live` bases, when at least half are dead.
  base::Status Compact(const std::set<std::string>& live);

 private:
  void Load();
  std::string path_;
  bool loaded_ = false;
  std::map<std::string, std::string, std::less<>> entries_;
};

// The header block of a message: everything up to and including the empty line (all of it
// when there is none).
std::string_view HeaderBlock(std::string_view message);

}  // namespace storage
