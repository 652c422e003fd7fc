// RFC 6522 multipart/report messages: the shape of MDNs (reject, RFC 5429) and feedback
// reports (vnd.dovecot.report, RFC 5965): a human-readable part, a machine-readable part of
// type message/<report-type>, and the original message or its header.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mail {

struct MultipartReport {
  // Header fields of the report message itself, in order (name, value); MIME-Version and
  // Content-Type are added. Control characters in values (CR, LF) are written as spaces.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string report_type;  // "disposition-notification", "feedback-report"
  std::string human_text;   // UTF-8, sent as 8bit text/plain
  std::string machine_fields;  // the message/<report-type> body: "Name: value" lines, CRLF
  std::string original;        // the original message, or only its header
  bool original_headers_only = false;  // text/rfc822-headers instead of message/rfc822
};

// The whole message, CRLF line ends, with a boundary that occurs in none of its parts.
std::string ComposeMultipartReport(const MultipartReport& report);

}  // namespace mail
