// Mailbox names on disk (RFC 3501 §5.1.3 modified UTF-7, Maildir++ folder directories).
// Pure: no filesystem access.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace storage {

// UTF-8 to IMAP's modified UTF-7 ("Entwürfe" -> "Entw&APw-rfe"); nullopt for invalid UTF-8.
std::optional<std::string> EncodeModifiedUtf7(std::string_view utf8);
// The reverse; nullopt for malformed input (a bad base64 run, an unpadded '&', a run that
// encodes printable ASCII, an unpaired surrogate).
std::optional<std::string> DecodeModifiedUtf7(std::string_view mutf7);

// How folders map to directories (Dovecot's maildir LAYOUT=maildir++ or LAYOUT=fs).
enum class Layout { kMaildirPlusPlus, kFs };

// The directory of mailbox `name` (UTF-8, hierarchy separator '/') below the Maildir root:
// "" for INBOX, ".Lists.Dovecot" (maildir++) or "Lists/Dovecot" (fs) for "Lists/Dovecot",
// with each level in modified UTF-7. nullopt when the name cannot be stored: empty levels,
// a level starting with '.', or '.' inside a level under maildir++ (it is the separator).
std::optional<std::string> MailboxDirectory(std::string_view name, Layout layout);

// The mailbox name of a maildir++ folder directory (".Lists.Dovecot" -> "Lists/Dovecot");
// nullopt when the directory is not one.
std::optional<std::string> MailboxFromDirectory(std::string_view directory);

}  // namespace storage
