# RFC 5228 §3.1: elsif and else may only follow if or elsif.
keep;
elsif header :contains "subject" "x" {
	discard;
}
