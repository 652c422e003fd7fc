// RFC 5322 §3.4 address lists: groups, comments, quoted local parts, obsolete routes ignored;
// entries that are not addresses are reported, not dropped silently.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mail {

struct Address {
  std::string display_name;  // decoded phrase (RFC 2047 words decoded), may be empty
  std::string local_part;    // unquoted ("a b"@x gives `a b`)
  std::string domain;        // may be empty for a bare local part
  // "local@domain" (or "local" when the domain is empty), local part re-quoted if needed.
  std::string AddrSpec() const;
};

struct AddressList {
  std::vector<Address> addresses;
  std::vector<std::string> invalid;  // raw text of each entry that failed to parse
};

// Parses a header value (e.g. of To:) into its mailbox addresses; group names are dropped and
// their members included. Never fails: bad entries land in `invalid`.
AddressList ParseAddressList(std::string_view value);

// Parses one envelope path as in SMTP MAIL FROM/RCPT TO: "<a@b>", "a@b" or "<>" (null path,
// returned as an Address with empty local part and domain). nullopt when malformed.
std::optional<Address> ParseEnvelopePath(std::string_view path);

// The addr-spec of `text` when it holds exactly one address with a domain ("a@b" or
// "Name <a@b>"), as redirect and report targets must; nullopt otherwise.
std::optional<std::string> SingleAddrSpec(std::string_view text);

}  // namespace mail
