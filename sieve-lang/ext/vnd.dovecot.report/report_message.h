// The message a `report` action sends: an RFC 5965 feedback report (multipart/report with a
// message/feedback-report part), built here so that every delivery path sends the same one.
#pragma once

#include <string>
#include <string_view>

#include "mail/message.h"
#include "sieve-lang/envelope.h"
#include "sieve-lang/result.h"

namespace sieve {

// The report `action` (kind kReport) asks for about `original`, from `from` (Pigeonhole's
// sieve_report_from, by default the postmaster) to action.target.
std::string BuildFeedbackReport(const mail::Message& original, const Envelope& envelope,
                                const Action& action, std::string_view from);

}  // namespace sieve
