#include "testsuite/mail_store.h"

#include "base/strings.h"

namespace testsuite {

MailStore::MailStore() { mailboxes_["INBOX"]; }

std::string MailStore::Key(std::string_view mailbox) {
  // RFC 3501 §5.1: INBOX is case-insensitive, and so is it as the first hierarchy level.
  if (base::StartsWithIgnoreCase(mailbox, "inbox") &&
      (mailbox.size() == 5 || mailbox[5] == '.')) {
    return "INBOX" + std::string(mailbox.substr(5));
  }
  return std::string(mailbox);
}

bool MailStore::Exists(std::string_view mailbox) const {
  return mailboxes_.contains(Key(mailbox));
}

bool MailStore::Create(std::string_view mailbox) {
  return mailboxes_.try_emplace(Key(mailbox)).second;
}

bool MailStore::Append(std::string_view mailbox, StoredMessage message) {
  auto it = mailboxes_.find(Key(mailbox));
  if (it == mailboxes_.end()) return false;
  it->second.push_back(std::move(message));
  return true;
}

const StoredMessage* MailStore::Get(std::string_view mailbox, size_t index) const {
  auto it = mailboxes_.find(Key(mailbox));
  if (it == mailboxes_.end() || index >= it->second.size()) return nullptr;
  return &it->second[index];
}

void MailStore::SetMetadata(std::string_view mailbox, std::string_view entry,
                            std::string value) {
  metadata_[Key(mailbox)][base::AsciiToLower(entry)] = std::move(value);
}

std::optional<std::string> MailStore::GetMetadata(std::string_view mailbox,
                                                  std::string_view entry) const {
  auto box = metadata_.find(Key(mailbox));
  if (box == metadata_.end()) return std::nullopt;
  auto it = box->second.find(base::AsciiToLower(entry));
  if (it == box->second.end()) return std::nullopt;
  return it->second;
}

}  // namespace testsuite
