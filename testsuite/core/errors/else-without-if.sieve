# RFC 5228 §3.1: else may only follow if or elsif.
if true {
	keep;
}
discard;
else {
	keep;
}
