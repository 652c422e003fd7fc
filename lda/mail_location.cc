#include "lda/mail_location.h"

#include "base/strings.h"

namespace lda {

std::string ExpandHome(std::string_view path, std::string_view home) {
  if (path == "~") return std::string(home);
  if (path.starts_with("~/")) return std::string(home) + std::string(path.substr(1));
  return std::string(path);
}

base::Result<MailLocation> ParseMailLocation(std::string_view location, std::string_view home) {
  auto bad = [&](std::string_view why) {
    return base::Err(base::Status::InvalidArgument("mail_location '" + std::string(location) +
                                                   "': " + std::string(why)));
  };
  if (!location.starts_with("maildir:")) return bad("Roost stores mail in Maildir only");
  std::vector<std::string_view> parts = base::SplitString(location.substr(8), ':');
  MailLocation parsed;
  if (parts.empty() || parts[0].empty()) return bad("no path");
  if (parts[0].starts_with('~') && home.empty()) return bad("'~' but the user has no home");
  parsed.root = ExpandHome(parts[0], home);
  for (size_t i = 1; i < parts.size(); ++i) {
    std::string_view part = parts[i];
    if (part == "LAYOUT=fs") {
      parsed.layout = storage::Layout::kFs;
    } else if (part == "LAYOUT=maildir++") {
      parsed.layout = storage::Layout::kMaildirPlusPlus;
    } else if (part.starts_with("LAYOUT=")) {
      return bad("unknown " + std::string(part));
    }
    // CONTROL=, INDEX=, INBOX=... locate Dovecot's own files; Roost keeps its index beside
    // the mail, so they change nothing here.
  }
  return parsed;
}

}  // namespace lda
