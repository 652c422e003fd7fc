# vnd.dovecot.report (Pigeonhole's report extension, RFC 5965 feedback
# reports): a phishing attempt is reported to the sending provider's abuse
# desk, quoting only the header (:headers_only), and filed as Junk. The
# report does not touch delivery: without the fileinto the message would
# still reach the inbox through the implicit keep.
require ["vnd.dovecot.report", "fileinto"];

if header :contains "subject" "verify your account" {
  report :headers_only "abuse"
    "Phishing: this message asks for my bank password." "abuse@example.net";
  fileinto "Junk";
}
