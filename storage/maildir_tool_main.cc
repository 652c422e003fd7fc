// roost-maildir: looks at and changes one Maildir the way Roost's services do (for admins and
// for the interoperability tests against Dovecot). Process edge: prints and exits.
#include <algorithm>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "base/strings.h"
#include "storage/mail_store.h"
#include "storage/maildir.h"

namespace {

constexpr int kExitOk = 0, kExitFailure = 1, kExitUsage = 64, kExitTempFail = 75;

constexpr char kUsage[] =
    "Usage: roost-maildir list MAILDIR\n"
    "       roost-maildir append MAILDIR [FLAG...] < MESSAGE\n"
    "       roost-maildir flags MAILDIR UID [FLAG...]\n"
    "       roost-maildir expunge MAILDIR UID\n"
    "       roost-maildir mailboxes ROOT [PATTERN]\n"
    "       roost-maildir create|subscribe|unsubscribe ROOT NAME\n"
    "\n"
    "Works on the Maildir mailbox directory MAILDIR (cur/ new/ tmp/, dovecot-uidlist) as\n"
    "Roost's services do, under Dovecot's dovecot-uidlist.lock.\n"
    "  list     assigns UIDs to new messages, then prints 'uidvalidity N' and one line per\n"
    "           message: UID, TAB, flags (space-separated), TAB, file\n"
    "  append   stores standard input durably (creating MAILDIR if needed) with the IMAP\n"
    "           flags given (\\Seen \\Flagged ... or keywords); prints the new file\n"
    "  flags    replaces the flags of message UID\n"
    "  expunge  removes message UID\n"
    "  mailboxes  lists the mailboxes of the maildir++ root ROOT matching PATTERN (IMAP\n"
    "           LIST syntax with '/' as separator, default '*'), one per line, subscribed\n"
    "           ones marked with a leading '*'\n"
    "  create   creates mailbox NAME (UTF-8, '/' separated) below ROOT\n"
    "  subscribe, unsubscribe  change ROOT's subscriptions file\n"
    "\n"
    "Exit status: 0 done, 1 failed (message printed), 64 usage error, 75 temporary failure\n"
    "(disk full, lock held too long): try again later.\n";

int Fail(const base::Status& status) {
  std::cerr << "roost-maildir: " << status.message() << "\n";
  return status.code() == base::Status::Code::kTemporary ? kExitTempFail : kExitFailure;
}

std::optional<uint32_t> ParseUid(const std::string& text) {
  std::optional<uint64_t> n = base::ParseUint64(text);
  if (n && *n > 0 && *n <= UINT32_MAX) return static_cast<uint32_t>(*n);
  return std::nullopt;
}

int MailboxCommand(const std::string& command, const std::string& root,
                   const std::vector<std::string>& rest) {
  storage::MailStore store(root, storage::Layout::kMaildirPlusPlus);
  if (command == "mailboxes" && rest.size() <= 1) {
    auto list = store.List(rest.empty() ? "*" : rest[0]);
    if (!list) return Fail(list.error());
    auto subscribed = store.Subscriptions();
    if (!subscribed) return Fail(subscribed.error());
    for (const storage::MailboxInfo& box : *list) {
      bool sub = std::find(subscribed->begin(), subscribed->end(), box.name) != subscribed->end();
      std::cout << (sub ? "*" : " ") << box.name << (box.selectable ? "" : " (no messages)")
                << "\n";
    }
    return kExitOk;
  }
  if (rest.size() != 1) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  base::Status status = command == "create" ? store.Create(rest[0])
                                            : store.SetSubscribed(rest[0], command == "subscribe");
  return status.ok() ? kExitOk : Fail(status);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (args.size() < 2) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string& command = args[0];
  const std::string& path = args[1];
  if (command == "mailboxes" || command == "create" || command == "subscribe" ||
      command == "unsubscribe") {
    return MailboxCommand(command, path, {args.begin() + 2, args.end()});
  }
  // Arguments are checked before the mailbox is opened: opening repairs a mailbox (a missing
  // cur/ is recreated), which a mistyped command must not do.
  const bool known = (command == "list" && args.size() == 2) || command == "append" ||
                     (command == "flags" && args.size() >= 3) ||
                     (command == "expunge" && args.size() == 3);
  if (!known) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  if ((command == "flags" || command == "expunge") && !ParseUid(args[2])) {
    std::cerr << "roost-maildir: '" << args[2] << "' is not a UID\n";
    return kExitUsage;
  }
  auto box = storage::Maildir::Open(path, {.create = command == "append"});
  if (!box) return Fail(box.error());
  if (command == "list" && args.size() == 2) {
    auto messages = box->Sync();
    if (!messages) return Fail(messages.error());
    if (!box->last_repair().empty()) std::cerr << "roost-maildir: " << box->last_repair() << "\n";
    auto validity = box->UidValidity();
    if (!validity) return Fail(validity.error());
    std::cout << "uidvalidity " << *validity << "\n";
    for (const storage::MaildirMessage& m : *messages) {
      std::string flags;
      for (const std::string& f : m.flags) flags += (flags.empty() ? "" : " ") + f;
      std::cout << m.uid << "\t" << flags << "\t" << m.file << "\n";
    }
    return kExitOk;
  }
  if (command == "append") {
    std::string message(std::istreambuf_iterator<char>(std::cin), {});
    auto file = box->Append(message, {args.begin() + 2, args.end()});
    if (!file) return Fail(file.error());
    std::cout << *file << "\n";
    return kExitOk;
  }
  if (command == "flags" || command == "expunge") {
    const uint32_t uid = *ParseUid(args[2]);  // checked above
    base::Status status = command == "flags"
                              ? box->SetFlags(uid, {args.begin() + 3, args.end()})
                              : box->Expunge(uid);
    return status.ok() ? kExitOk : Fail(status);
  }
  std::cerr << kUsage;
  return kExitUsage;
}
