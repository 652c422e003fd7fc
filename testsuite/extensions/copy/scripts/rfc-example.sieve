# RFC 3894 §3: the example, with some "more processing" after it.
require ["copy", "fileinto"];
fileinto :copy "incoming";
# ... more processing follows ...
if header :contains "subject" "invoice" {
	fileinto "Invoices";
}
