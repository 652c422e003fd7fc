# RFC 5228 §2.7.3: an unknown comparator is an error.
if header :is :comparator "i;frobnicate" "subject" "report" {
	keep;
}
