// One Maildir mailbox (cur/ new/ tmp/) as Dovecot keeps it: durable appends, UIDs through
// dovecot-uidlist under Dovecot's lock, IMAP flags as Maildir info letters and keywords through
// dovecot-keywords. Safe for several processes at once: appends never collide (unique names,
// exclusive link) and UID assignment happens under dovecot-uidlist.lock.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace storage {

struct MaildirMessage {
  uint32_t uid = 0;
  std::string file;  // relative to the mailbox: "new/<name>" or "cur/<name>:2,<letters>"
  std::vector<std::string> flags;  // IMAP system flags ("\\Seen") then keywords, as stored
  uint64_t size = 0;               // bytes on disk
  int64_t internal_date = 0;       // IMAP INTERNALDATE: the file's mtime, seconds
};

struct MaildirOptions {
  // Creates cur/ new/ tmp/ (and the mailbox directory) when missing.
  bool create = false;
  // Time for new file names and UIDVALIDITY; injectable for tests.
  std::function<std::chrono::system_clock::time_point()> now = std::chrono::system_clock::now;
};

class Maildir {
 public:
  static base::Result<Maildir> Open(std::string path, MaildirOptions options = {});

  const std::string& path() const { return path_; }

  // Stores `message` durably: written to tmp/, fsynced, linked into new/ (cur/ when it has
  // flags) and the directory fsynced before this returns. Returns the file, relative to the
  // mailbox. Temporary when the disk is full; the mailbox is unchanged on any error.
  base::Result<std::string> Append(std::string_view message,
                                   const std::vector<std::string>& flags = {});

  // Brings dovecot-uidlist up to date under its lock (files without a UID get the next ones,
  // in name order; records of vanished files are dropped) and lists the messages by UID. A
  // corrupt list is rebuilt (see last_repair); only I/O errors fail. When nothing changed
  // since the last full sync, the listing comes from roost.index (mailbox_index.h) without
  // scanning the directories.
  base::Result<std::vector<MaildirMessage>> Sync();
  // What the last Sync repaired, for the log: a corrupt dovecot-uidlist is kept as
  // dovecot-uidlist.corrupt and rebuilt with a new UIDVALIDITY (empty when nothing was).
  const std::string& last_repair() const { return last_repair_; }
  // The UIDVALIDITY of dovecot-uidlist (creating it first when needed).
  base::Result<uint32_t> UidValidity();

  // Replaces the flags of message `uid` (renaming its file into cur/); NotFound when it is gone.
  base::Status SetFlags(uint32_t uid, const std::vector<std::string>& flags);
  // Removes message `uid`; NotFound when it is gone.
  base::Status Expunge(uint32_t uid);
  // The header block of message `uid`, from Roost's header cache (roost.cache) or, the first
  // time, from the file (then cached). NotFound when the message is gone.
  base::Result<std::string> Header(uint32_t uid);
  // Copies message `uid` with its flags into `target` (a hard link on the same filesystem,
  // else a durable copy); it gets its UID there at the target's next Sync. Returns the file,
  // relative to the target. Keywords are carried by name (each mailbox has its own letters).
  base::Result<std::string> CopyTo(uint32_t uid, Maildir& target);
  // CopyTo, then Expunge here (RFC 6851 MOVE semantics: the copy is durable first).
  base::Result<std::string> MoveTo(uint32_t uid, Maildir& target);

 private:
  Maildir(std::string path, MaildirOptions options);
  base::Result<std::string> FlagLetters(const std::vector<std::string>& flags);
  base::Result<MaildirMessage> Find(uint32_t uid);
  // A unique base name for a message of these sizes.
  std::string NewBase(uint64_t size, uint64_t vsize);

  std::string path_;
  MaildirOptions options_;
  uint64_t counter_ = 0;  // the Q<n> of new file names
  std::string last_repair_;
};

}  // namespace storage
