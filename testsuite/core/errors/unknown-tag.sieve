# RFC 5228 §2.6.2, §5.7: :regex is not a tag of the header test.
if header :regex "subject" "^re:" {
	keep;
}
