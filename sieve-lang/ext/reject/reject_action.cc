#include "sieve-lang/ext/reject/reject_action.h"

namespace sieve {

std::string BuildRejectMessage(const mail::Message& original, const Envelope& envelope,
                               std::string_view reason, std::string_view postmaster) {
  const std::string boundary = "roost-reject-boundary";
  std::string recipient = envelope.orig_to.empty() ? envelope.to : envelope.orig_to;
  std::string_view bytes = original.bytes();
  std::string_view headers = bytes.substr(0, bytes.size() - original.body().size());
  std::string out;
  out += "From: Postmaster <" + std::string(postmaster) + ">\r\n";
  out += "To: <" + envelope.from + ">\r\n";
  out += "Subject: Automatically rejected mail\r\n";
  out += "Auto-Submitted: auto-replied (rejected)\r\n";
  out += "Precedence: bulk\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: multipart/report; report-type=disposition-notification;\r\n"
         "\tboundary=\"" + boundary + "\"\r\n\r\n";
  out += "This is a MIME-encapsulated message\r\n\r\n";
  out += "--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
         "Content-Disposition: inline\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
  out += "Your message to <" + recipient + "> was automatically rejected:\r\n";
  out += std::string(reason) + "\r\n\r\n";
  out += "--" + boundary + "\r\nContent-Type: message/disposition-notification\r\n\r\n";
  out += "Reporting-UA: Roost Sieve\r\n";
  out += "Final-Recipient: rfc822; " + recipient + "\r\n";
  out += "Disposition: automatic-action/MDN-sent-automatically; deleted\r\n\r\n";
  out += "--" + boundary + "\r\nContent-Type: message/rfc822\r\n\r\n";
  out += std::string(headers) + "\r\n";
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace sieve
