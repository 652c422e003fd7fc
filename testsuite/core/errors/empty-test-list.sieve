# RFC 5228 §8.2: a test list holds at least one test.
if anyof () {
	keep;
}
