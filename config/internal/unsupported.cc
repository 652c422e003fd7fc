// The one table of values Roost refuses. To support a new driver or mechanism, add it to
// its row here (and implement it); to refuse a new setting's values, add a row.
#include "config/internal/unsupported.h"

#include <string>

#include "base/strings.h"
#include "config/values.h"

namespace config::internal {
namespace {

enum class Split {
  kWhole,   // the value is one name (passdb driver)
  kList,    // every item of a list is a name (auth_mechanisms, protocols)
  kScheme,  // the name is the text before the first ':' (mail_location = maildir:~/Maildir)
};

struct Unsupported {
  SectionKind kind;  // kRoot also covers the filters (protocol imap { ... })
  std::string_view key;
  Split split;
  std::string_view what;       // the noun in the message
  std::string_view supported;  // space-separated, compared case-insensitively
};

constexpr Unsupported kUnsupported[] = {
    // storage/ implements Maildir only.
    {kRoot, "mail_location", Split::kScheme, "mail_location format", "maildir"},
    {kNamespace, "location", Split::kScheme, "namespace location format", "maildir"},
    // auth/db has these drivers; Dovecot's pam, ldap, checkpassword, lua, dict... are not.
    {kPassdb, "driver", Split::kWhole, "passdb driver", "passwd-file sql static"},
    {kUserdb, "driver", Split::kWhole, "userdb driver", "passwd-file sql static prefetch"},
    // auth/sasl mechanisms.
    {kRoot, "auth_mechanisms", Split::kList, "auth mechanism",
     "plain login cram-md5 scram-sha-1 scram-sha-256"},
    // The daemons Roost has; "none" is Dovecot's word for an empty list.
    {kRoot, "protocols", Split::kList, "protocol", "imap pop3 lmtp sieve none"},
};

bool IsSupported(std::string_view name, std::string_view supported) {
  for (std::string_view candidate : base::SplitString(supported, ' ')) {
    if (base::EqualsIgnoreCase(candidate, name)) return true;
  }
  return false;
}

base::Status Refuse(const Unsupported& row, std::string_view name) {
  std::string list;
  for (std::string_view candidate : base::SplitString(row.supported, ' ')) {
    list += (list.empty() ? "" : ", ") + std::string(candidate);
  }
  return base::Status::InvalidArgument(std::string(row.what) + " '" + std::string(name) +
                                       "' is not supported by Roost (supported: " + list + ")");
}

base::Status CheckRow(const Unsupported& row, std::string_view value) {
  switch (row.split) {
    case Split::kWhole:
      break;
    case Split::kList:
      for (const std::string& item : SplitList(value)) {
        if (!IsSupported(item, row.supported)) return Refuse(row, item);
      }
      return base::Status::Ok();
    case Split::kScheme:
      if (value.empty()) return base::Status::Ok();  // unset: the default applies
      // Without "format:" Dovecot guesses the format from the path; Roost does not guess.
      if (value.find(':') == std::string_view::npos) return Refuse(row, value);
      value = value.substr(0, value.find(':'));
      break;
  }
  return IsSupported(value, row.supported) ? base::Status::Ok() : Refuse(row, value);
}

}  // namespace

base::Status CheckSupported(SectionKind kind, std::string_view key, std::string_view value) {
  const SectionKind wanted = kind == kFilter ? kRoot : kind;
  for (const Unsupported& row : kUnsupported) {
    if (row.kind == wanted && row.key == key) return CheckRow(row, value);
  }
  return base::Status::Ok();
}

}  // namespace config::internal
