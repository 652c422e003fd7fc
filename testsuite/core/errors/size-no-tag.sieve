# RFC 5228 §5.9: exactly one of :over or :under must be given.
if size 100K {
	discard;
}
