# RFC 3894 §3: :copy files or redirects a copy without cancelling the
# implicit keep; here the later processing does not cancel it either, so
# the message also ends up in INBOX.
require ["copy", "fileinto"];
fileinto :copy "incoming";
# ... more processing follows ...
if header :contains "subject" "invoice" {
    redirect :copy "accounting@example.com";
}
