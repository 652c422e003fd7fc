# RFC 5228 §2.7.1: it is an error to give more than one match type.
if header :is :contains "subject" "report" {
	keep;
}
