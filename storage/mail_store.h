// One user's mailboxes under a Maildir root, laid out as Dovecot does (maildir++: INBOX is the
// root, folders are ".Name.Sub" beside it, each with a `maildirfolder` file; or LAYOUT=fs:
// folders are nested directories). Names are UTF-8 with '/' as the hierarchy separator; on
// disk they are modified UTF-7 (mailbox_name.h). Subscriptions live in `subscriptions`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "storage/mailbox_name.h"
#include "storage/maildir.h"

namespace storage {

struct MailboxInfo {
  std::string name;
  bool has_children = false;
  bool selectable = true;  // false for a parent that exists only through its children
  std::vector<std::string> special_use;  // RFC 6154 attributes from the mailbox settings
};

// A `mailbox NAME { auto = ...; special_use = ... }` block of the inbox namespace
// (15-mailboxes.conf).
struct MailboxSetting {
  enum class Auto { kNo, kCreate, kSubscribe };
  std::string name;
  Auto autocreate = Auto::kNo;
  std::vector<std::string> special_use;  // "\\Sent", "\\Trash", ...
};

// What is wrong with a special_use value (RFC 6154 §2 attributes), if anything.
std::optional<std::string> CheckSpecialUse(std::string_view attribute);

class MailStore {
 public:
  MailStore(std::string root, Layout layout, std::vector<MailboxSetting> settings = {});

  // RFC 3501 §6.3.8 LIST patterns over '/'-separated names: '*' matches anything, '%'
  // anything but '/'. INBOX is always listed (when it matches); sorted by name.
  base::Result<std::vector<MailboxInfo>> List(std::string_view pattern) const;
  // Creates an empty mailbox; InvalidArgument when the name cannot be stored or exists.
  base::Status Create(std::string_view name);
  // Renames the mailbox and every mailbox below it (RFC 3501 §6.3.5); renaming INBOX is not
  // supported here (IMAP moves its messages instead).
  base::Status Rename(std::string_view from, std::string_view to);
  // Deletes the mailbox and its messages; its children stay (RFC 3501 §6.3.4). INBOX cannot be
  // deleted.
  base::Status Delete(std::string_view name);
  base::Result<Maildir> Open(std::string_view name) const;

  // Creates the `auto = create|subscribe` mailboxes that are missing, subscribing the
  // `subscribe` ones, as Dovecot does when a user's mail is first opened.
  base::Status EnsureAutoMailboxes();
  // The mailbox configured with special-use `attribute` that exists (the first one, as
  // listed in the settings); nullopt when none (Sieve's :specialuse, RFC 8579).
  std::optional<std::string> SpecialUseMailbox(std::string_view attribute) const;

  base::Result<std::vector<std::string>> Subscriptions() const;
  base::Status SetSubscribed(std::string_view name, bool subscribed);

 private:
  base::Result<std::string> PathOf(std::string_view name) const;
  base::Result<std::vector<std::string>> AllNames() const;

  std::string root_;
  Layout layout_;
  std::vector<MailboxSetting> settings_;
};

// The LIST pattern matcher, exposed for tests: linear in name x pattern, no backtracking.
bool MatchesListPattern(std::string_view name, std::string_view pattern);

}  // namespace storage
