// Dovecot's mail_location for Maildir, as the userdb `mail` field or the setting gives it:
//   maildir:~/Maildir[:LAYOUT=fs][:INBOX=PATH][:CONTROL=..][:INDEX=..]
// `~` is the user's home; %variables are the caller's to expand first. Other formats are
// refused (config::Settings already refuses them in the configuration; a userdb can still
// return one).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "storage/mailbox_name.h"

namespace lda {

struct MailLocation {
  std::string root;  // the Maildir root (INBOX's directory)
  storage::Layout layout = storage::Layout::kMaildirPlusPlus;
};

// InvalidArgument for another format, `~` without a home, or an unknown LAYOUT.
base::Result<MailLocation> ParseMailLocation(std::string_view location, std::string_view home);

// `path` with a leading "~/" (or "~") replaced by `home`.
std::string ExpandHome(std::string_view path, std::string_view home);

}  // namespace lda
