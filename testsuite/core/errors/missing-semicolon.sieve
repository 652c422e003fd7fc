# RFC 5228 §8.2: a command without a block ends with a semicolon.
if header :contains "subject" "report" {
	keep
}
