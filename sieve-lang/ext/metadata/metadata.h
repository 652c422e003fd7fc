// mboxmetadata and servermetadata (RFC 5490 §3.3-§4.2): the four tests, listed by
// extension.cc, and what they share.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sieve-lang/extension.h"

namespace sieve::ext {

const CommandDef& MetadataTest();
const CommandDef& MetadataExistsTest();
const CommandDef& ServerMetadataTest();
const CommandDef& ServerMetadataExistsTest();

// What is wrong with `entry` as an IMAP METADATA entry name (RFC 5464 §3.2), if anything.
std::optional<std::string> CheckEntryName(std::string_view entry);

// Warns about every constant entry name in positional argument `index` that can never exist;
// such a test is simply false at run time (Pigeonhole warns, too). Always true.
bool WarnAboutEntryNames(ValidationContext& ctx, const Node& node, size_t index);

// The value of `entry` on `mailbox` (nullopt: the server), or nullopt when the entry has no
// value, its name is invalid, or the mailbox name is not UTF-8 (RFC 5228 §2.7.2).
std::optional<std::string> LookupEntry(Runtime& rt, std::optional<std::string_view> mailbox,
                                       std::string_view entry);

}  // namespace sieve::ext
