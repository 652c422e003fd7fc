#include "sieve-lang/ext/vnd.dovecot.report/report_message.h"

#include "mail/encoded_words.h"
#include "mail/multipart_report.h"

namespace sieve {

std::string BuildFeedbackReport(const mail::Message& original, const Envelope& envelope,
                                const Action& action, std::string_view from) {
  const Action::Report& details = *action.report;
  std::string subject(original.headers().GetFirst("subject"));
  mail::MultipartReport report;
  report.headers = {{"From", "<" + std::string(from) + ">"},
                    {"To", "<" + action.target + ">"},
                    {"Subject", "Report: " + mail::DecodeEncodedWords(subject)},
                    {"Auto-Submitted", "auto-generated (report)"}};
  report.report_type = "feedback-report";
  report.human_text = details.message;
  // RFC 5965 §3.1-3.2: the required fields, then the envelope as the receiving side saw it.
  report.machine_fields = "Version: 1\r\nFeedback-Type: " + details.feedback_type +
                          "\r\nUser-Agent: Roost Sieve\r\n";
  if (!envelope.from.empty()) report.machine_fields += "Original-Mail-From: <" + envelope.from + ">\r\n";
  if (!envelope.to.empty()) report.machine_fields += "Original-Rcpt-To: <" + envelope.to + ">\r\n";
  std::string_view bytes = original.bytes();
  report.original = details.headers_only
                        ? std::string(bytes.substr(0, bytes.size() - original.body().size()))
                        : std::string(bytes);
  report.original_headers_only = details.headers_only;
  return mail::ComposeMultipartReport(report);
}

}  // namespace sieve
