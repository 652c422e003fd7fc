// editheader (RFC 5293): addheader and deleteheader, listed by extension.cc, and what they
// share: field name and value checks, the header edits on the raw message, and the local
// policy on which fields may be added or deleted (§6).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sieve-lang/extension.h"
#include "sieve-lang/host.h"

namespace sieve::ext {

const CommandDef& AddheaderCommand();
const CommandDef& DeleteheaderCommand();

// Whether addheader accepts `value` (Pigeonhole's check of RFC 5322 "unstructured", line
// breaks allowed since they become folding): no control character but HTAB, CR and LF, and
// valid UTF-8 when it has 8-bit bytes.
bool IsValidFieldValue(std::string_view value);
// `text` fit for a message: control characters as '?', at most 80 characters ("..." after).
std::string Sanitized(std::string_view text);
// Whether a string argument is only known at run time (it refers to variables).
bool KnownAtRunTime(const ValidationContext& ctx, std::string_view text);

// A message split into its header fields, each with its continuation lines and line end, and
// the rest (the empty line and the body). A message whose first line is no field has no
// header: it is all rest.
struct RawHeader {
  std::vector<std::string_view> fields;
  std::string_view rest;
  std::string_view eol;  // the message's line end: "\n" when it uses bare LF, else "\r\n"
};
RawHeader SplitHeader(std::string_view raw);
// The field's name, without the colon and the whitespace before it; empty for a line with no
// colon.
std::string_view FieldName(std::string_view field);
// The field's value as the header test sees it: unfolded, trimmed, RFC 2047-decoded.
std::string FieldValue(std::string_view field);
// The message made of `fields` and `rest` again; a separator line goes between them when the
// rest does not start with one.
std::string JoinHeader(const std::vector<std::string_view>& fields, std::string_view rest,
                       std::string_view eol);
// "name: value" + eol as addheader writes it (RFC 5293 §4): line breaks in the value become
// folding (trailing ones dropped), 8-bit text becomes RFC 2047 encoded-words, and lines are
// folded at whitespace to stay within 78 characters where possible (RFC 5322 §2.1.1).
std::string FormatField(std::string_view name, std::string_view value, std::string_view eol);

// RFC 5293 §6 and Pigeonhole's policy settings (sieve_editheader_header/<h>/forbid_add|
// forbid_delete, and 2.3's sieve_editheader_protected|forbid_add|forbid_delete): "Subject"
// may always be added and deleted, "Received" and "Auto-Submitted" never deleted,
// "X-Sieve-Redirected-From" (redirect's loop marker) never added.
bool MayAddField(const Host& host, std::string_view name);
bool MayDeleteField(const Host& host, std::string_view name);

}  // namespace sieve::ext
