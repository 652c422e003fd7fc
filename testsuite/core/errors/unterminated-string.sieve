# RFC 5228 §2.4.2: a quoted string ends with a double quote.
if header :is "subject" "never closed {
	keep;
}
