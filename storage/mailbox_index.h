// Roost's own index beside a Maildir (`roost.index`): the listing of the last full sync (UID,
// size, internal date, file) with the modification times of new/, cur/, dovecot-uidlist and
// dovecot-keywords it was taken at. While those are unchanged the listing is read from the
// index alone: no directory scan and no stat per message. Deleting or damaging the file only
// costs a rebuild. Pure parsing here; Maildir decides when to trust it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace storage {

struct IndexStamp {
  int64_t new_dir = 0, cur_dir = 0, uidlist = 0, keywords = 0;  // mtimes, ns (0: missing)
  bool operator==(const IndexStamp&) const = default;
  int64_t newest() const;
};

// The stamp of the mailbox now (one stat per path).
base::Result<IndexStamp> CurrentStamp(const std::string& mailbox);

struct IndexRecord {
  uint32_t uid = 0;
  uint64_t size = 0;
  int64_t internal_date = 0;  // seconds since the epoch (the file's mtime, as Dovecot uses)
  std::string file;           // relative: "new/..." or "cur/...:2,..."
};

struct MailboxIndex {
  IndexStamp stamp;
  int64_t written_at = 0;  // ns; the stamp is trusted only if it was settled by then
  uint32_t uid_validity = 0;
  std::vector<IndexRecord> records;
};

std::string FormatIndex(const MailboxIndex& index);
base::Result<MailboxIndex> ParseIndex(std::string_view text);

// Whether `index` still describes a mailbox whose stamp is `now`: same stamp, and every
// mtime in it was at least kIndexSettleTime older than the index, so that a change in the
// same timestamp tick as the sync cannot hide.
bool IndexIsCurrent(const MailboxIndex& index, const IndexStamp& now);

}  // namespace storage
