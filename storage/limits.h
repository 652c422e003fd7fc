// Every input-driven quantity storage reads from disk or a client, with its bound (house rule 5).
#pragma once

#include <chrono>
#include <cstddef>

namespace storage {

// dovecot-uidlist: records and line length accepted when reading (a larger file is corrupt).
inline constexpr size_t kMaxUidlistRecords = 10'000'000;
inline constexpr size_t kMaxUidlistLine = 8192;
// dovecot-keywords: Maildir has 26 keyword letters (a-z).
inline constexpr size_t kMaxKeywords = 26;
inline constexpr size_t kMaxKeywordLength = 255;
// Dot-locks (dovecot-uidlist.lock, subscriptions.lock): how long to wait for another
// process, and when a lock is stale (Dovecot's values for the uidlist lock: its holder died).
inline constexpr std::chrono::seconds kDotLockWait{30};
inline constexpr std::chrono::seconds kDotLockStale{120};
// Largest message Append accepts (Dovecot's default has no limit; quota usually stops it).
inline constexpr size_t kMaxMessageSize = 256 * 1024 * 1024;

}  // namespace storage

namespace storage {
// Sieve script names (Pigeonhole's limit for the file storage).
inline constexpr size_t kMaxScriptNameLength = 256;
}  // namespace storage

namespace storage {
// roost.index is trusted only when the mtimes it recorded were this much older than the index:
// filesystems keep mtimes in coarse ticks, and a change in the tick of a sync must not hide.
inline constexpr std::chrono::seconds kIndexSettleTime{2};
}  // namespace storage

namespace storage {
// Header blocks larger than this are not cached (they are read from the message file).
inline constexpr size_t kMaxCachedHeader = 256 * 1024;
}  // namespace storage
