# RFC 5228 §5: "spamscore" is not a test of the language.
if spamscore :over 5 {
	discard;
}
