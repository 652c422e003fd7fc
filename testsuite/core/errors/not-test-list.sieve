# RFC 5228 §5.8: not takes a single test, not a test list.
if not (true, false) {
	keep;
}
