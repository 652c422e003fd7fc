// The vacation response (RFC 5230 §4-§5, RFC 3834): whether one is due for a message, and the
// reply itself. Pure functions of the message, envelope, request and settings: the command
// calls them when the script runs and puts the outcome into the result for the embedder.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "mail/message.h"
#include "sieve-lang/envelope.h"
#include "sieve-lang/ext/vacation/settings.h"

namespace sieve::ext {

// What one vacation command asks for, after variable expansion.
struct VacationRequest {
  std::string reason;
  std::optional<std::string> subject;  // :subject
  std::optional<std::string> from;     // :from
  std::vector<std::string> addresses;  // :addresses (addr-specs)
  bool mime = false;                   // :mime
  std::optional<std::string> handle;   // :handle
};

// RFC 5230 §4.2: the handle replies are tracked under; without :handle it is derived from the
// reason, :subject, :from and :mime, so a changed response is sent again.
std::string VacationHandle(const VacationRequest& request);
// The tracking-database key for replies to `sender` under `handle`.
std::string VacationTrackingKey(std::string_view sender, std::string_view handle);

// Why no reply may be sent (RFC 5230 §4.5-§4.6, RFC 3834 §2), checked in Pigeonhole's order
// except for the tracking database (the caller asks that); nullopt when a reply is due.
// `own_address` receives the user's address found in the message's recipient fields (the
// reply's From when :from is absent).
std::optional<std::string> WhyNoReply(const mail::Message& message, const Envelope& envelope,
                                      const VacationRequest& request,
                                      const VacationSettings& settings,
                                      std::string& own_address);

struct ReplyContext {
  const mail::Message* message = nullptr;
  const Envelope* envelope = nullptr;
  std::string original_subject;  // decoded, unfolded; empty when absent
  std::string own_address;       // from WhyNoReply
  std::chrono::system_clock::time_point now;
  std::string host_name;         // for the Message-ID
};

// The whole reply (RFC 5230 §5), CRLF line ends.
std::string BuildVacationReply(const ReplyContext& ctx, const VacationRequest& request,
                               const VacationSettings& settings);

// RFC 5230 §5.2 / Pigeonhole: the subject of the reply when :subject is absent or empty.
std::string DefaultSubject(std::string_view original_subject, const VacationSettings& settings);

// Cuts `text` to at most `max` code points, the last being "…" when anything was cut.
std::string TruncateCodepoints(std::string_view text, size_t max);

}  // namespace sieve::ext
