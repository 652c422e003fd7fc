// dovecot-keywords: which keyword each Maildir flag letter stands for ("0 $Junk" makes 'a'
// $Junk, "1 Work" makes 'b' Work). Pure: no filesystem access.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace storage {

class Keywords {
 public:
  // Lines "<index> <name>" (index 0-25); lines Dovecot would not write are corruption.
  static base::Result<Keywords> Parse(std::string_view text);
  std::string Format() const;

  // The letter of `keyword` (names compare case-insensitively, as IMAP keywords do), adding it
  // when `add` is set and a letter is free; nullopt when unknown or all 26 are taken.
  std::optional<char> Letter(std::string_view keyword, bool add);
  // The keyword of letter 'a'..'z', if one is assigned.
  std::optional<std::string> Name(char letter) const;
  bool empty() const;

 private:
  std::vector<std::string> names_;  // index = letter - 'a'; "" for a free slot
};

}  // namespace storage
