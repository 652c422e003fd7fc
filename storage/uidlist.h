// dovecot-uidlist, the file that gives Maildir messages their IMAP UIDs (Dovecot's format,
// version 3, which Dovecot 2.x writes; version 1 is read too):
//   3 V<uidvalidity> N<next uid> G<mailbox guid>
//   <uid> [<key><value> ...] :<maildir base name>
// Record keys Dovecot uses: S file size, W virtual size, G message GUID, M/O POP3 UIDL and
// order; unknown ones are kept and written back. Pure: no filesystem access.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace storage {

using UidlistFields = std::vector<std::pair<char, std::string>>;

struct UidlistRecord {
  uint32_t uid = 0;
  std::string base;  // the Maildir file name without ":2,<flags>"
  UidlistFields fields;
};

struct Uidlist {
  uint32_t uid_validity = 0;
  uint32_t next_uid = 1;
  std::string guid;           // 32 hex digits; empty when the file had none
  UidlistFields header_extra;  // header fields other than V, N, G
  std::vector<UidlistRecord> records;  // ascending UIDs
};

// Corruption (with the line number) for anything Dovecot would not write: a bad header, a
// record without ':', UIDs not ascending. Records at or past the header's next UID (Dovecot
// appends them without rewriting the header) move the next UID past them.
base::Result<Uidlist> ParseUidlist(std::string_view text);
std::string FormatUidlist(const Uidlist& uidlist);

}  // namespace storage
