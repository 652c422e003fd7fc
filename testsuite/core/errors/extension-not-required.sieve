# RFC 5228 §2.10.5: fileinto is an extension and must be required first.
if header :contains "subject" "invoice" {
	fileinto "Accounting";
}
