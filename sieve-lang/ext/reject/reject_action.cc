#include "sieve-lang/ext/reject/reject_action.h"

#include "mail/multipart_report.h"

namespace sieve {

std::string BuildRejectMessage(const mail::Message& original, const Envelope& envelope,
                               std::string_view reason, std::string_view postmaster) {
  std::string recipient = envelope.orig_to.empty() ? envelope.to : envelope.orig_to;
  mail::MultipartReport report;
  report.headers = {{"From", "Postmaster <" + std::string(postmaster) + ">"},
                    {"To", "<" + envelope.from + ">"},
                    {"Subject", "Automatically rejected mail"},
                    {"Auto-Submitted", "auto-replied (rejected)"},
                    {"Precedence", "bulk"}};
  report.report_type = "disposition-notification";
  report.human_text = "Your message to <" + recipient + "> was automatically rejected:\r\n" +
                      std::string(reason);
  report.machine_fields = "Reporting-UA: Roost Sieve\r\nFinal-Recipient: rfc822; " + recipient +
                          "\r\nDisposition: automatic-action/MDN-sent-automatically; deleted\r\n";
  // The whole refused message goes back, as Pigeonhole sends it.
  report.original = std::string(original.bytes());
  return mail::ComposeMultipartReport(report);
}

}  // namespace sieve
