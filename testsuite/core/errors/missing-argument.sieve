# RFC 5228 §2.6.1 and §5.7: header takes a header list and a key list; all
# positional arguments must be supplied.
if header :contains "subject" {
	keep;
}
