#include "mail/multipart_report.h"

namespace mail {

std::string ComposeMultipartReport(const MultipartReport& report) {
  std::string boundary = "roost-report";
  for (int n = 1; report.original.find(boundary) != std::string::npos ||
                  report.human_text.find(boundary) != std::string::npos ||
                  report.machine_fields.find(boundary) != std::string::npos;
       ++n) {
    boundary = "roost-report-" + std::to_string(n);
  }
  std::string out;
  for (const auto& [name, value] : report.headers) {
    // A value comes from the message being reported (its decoded Subject): a CR or LF in it
    // would start a header field of the sender's choosing (a Bcc:). Controls become spaces.
    std::string safe = value;
    for (char& c : safe) {
      if (static_cast<unsigned char>(c) < 0x20 && c != '\t') c = ' ';
    }
    out += name + ": " + safe + "\r\n";
  }
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: multipart/report; report-type=" + report.report_type + ";\r\n"
         "\tboundary=\"" + boundary + "\"\r\n\r\n";
  out += "This is a MIME-encapsulated message\r\n\r\n";
  out += "--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
         "Content-Disposition: inline\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
  out += report.human_text + "\r\n\r\n";
  out += "--" + boundary + "\r\nContent-Type: message/" + report.report_type + "\r\n\r\n";
  out += report.machine_fields + "\r\n";
  out += "--" + boundary + "\r\nContent-Type: " +
         (report.original_headers_only ? "text/rfc822-headers" : "message/rfc822") + "\r\n\r\n";
  out += report.original;
  if (!report.original.ends_with("\r\n")) out += "\r\n";
  out += "\r\n--" + boundary + "--\r\n";
  return out;
}

}  // namespace mail
