// The testsuite's mail store (testsuite-spec §7): mailboxes with messages in arrival order,
// their flags, and METADATA entries. In memory: a test file is one process and nothing it
// stores needs to survive it. INBOX always exists; the hierarchy separator is '.'.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace testsuite {

struct StoredMessage {
  std::string raw;
  std::vector<std::string> flags;
};

class MailStore {
 public:
  MailStore();
  bool Exists(std::string_view mailbox) const;
  // False when it already exists.
  bool Create(std::string_view mailbox);
  // False when the mailbox does not exist.
  bool Append(std::string_view mailbox, StoredMessage message);
  // Message `index` (0-based) of `mailbox`, or nullptr.
  const StoredMessage* Get(std::string_view mailbox, size_t index) const;
  // Sets a METADATA entry on `mailbox`, or a server entry when it is empty.
  void SetMetadata(std::string_view mailbox, std::string_view entry, std::string value);
  // The value of a METADATA entry of `mailbox` (empty: the server), if it has one.
  std::optional<std::string> GetMetadata(std::string_view mailbox, std::string_view entry) const;

 private:
  static std::string Key(std::string_view mailbox);  // INBOX is case-insensitive
  // Entry names are case-insensitive (RFC 5464 §3.2): kept lowercased.
  std::map<std::string, std::vector<StoredMessage>> mailboxes_;
  std::map<std::string, std::map<std::string, std::string>> metadata_;
};

}  // namespace testsuite
