// The mailto notification method (RFC 5436) of enotify: parsing and checking mailto URIs
// (RFC 6068) and composing the notification message a notify action sends.
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mail/message.h"
#include "sieve-lang/envelope.h"

namespace sieve::ext {

// RFC 5436 §2.7 / Pigeonhole's limits: recipients and extra header fields of one URI.
inline constexpr size_t kMailtoMaxRecipients = 8;
inline constexpr size_t kMailtoMaxHeaders = 16;
// Longest subject, in characters (Pigeonhole's NTFY_MAILTO_MAX_SUBJECT).
inline constexpr size_t kMailtoMaxSubject = 256;

struct MailtoRecipient {
  std::string full;       // as written ("Name <a@b>"), for the To:/Cc: header
  std::string addr_spec;  // "a@b", the envelope recipient
  bool cc = false;
};

struct MailtoUri {
  std::vector<MailtoRecipient> recipients;  // duplicates removed, at most kMailtoMaxRecipients
  std::vector<std::pair<std::string, std::string>> headers;  // other hfields, in order
  std::optional<std::string> subject;
  std::optional<std::string> body;
  std::vector<std::string> warnings;  // ignored (unsafe) header fields
};

// Parses `uri` ("mailto:..."); the error says what is wrong.
std::expected<MailtoUri, std::string> ParseMailtoUri(std::string_view uri);

// The scheme of a notification method URI (RFC 5435 §3.3: text before the first ':'), or
// nullopt when it has none.
std::optional<std::string> UriScheme(std::string_view uri);

struct NotifyParams {
  std::optional<std::string> from;  // :from
  int importance = 2;               // :importance
  std::optional<std::string> message;  // :message
  std::string from_default;         // From: when :from is absent (the postmaster)
  std::string envelope_from;        // MAIL FROM; empty: the null sender
  std::string owner;                // the recipient the notification is on behalf of
};

// RFC 5436 §2.7: the notification message for `uri` about `original`.
std::string ComposeNotification(const MailtoUri& uri, const NotifyParams& params,
                                const mail::Message& original);

// RFC 5436 §2.7: no notifications about messages with Auto-Submitted other than "no".
bool IsAutoSubmitted(const mail::Message& message);

// RFC 5435 §6 :encodeurl: percent-encodes everything but RFC 3986 unreserved characters, one
// whole UTF-8 character at a time, stopping before the result would exceed `max_size` bytes
// (0: unlimited).
std::string EncodeUrl(std::string_view value, size_t max_size);

}  // namespace sieve::ext
