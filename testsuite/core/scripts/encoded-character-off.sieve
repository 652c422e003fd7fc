# Helper for encoded-character.svtest: no require "encoded-character", so
# "${hex:40}" below is nine plain characters (RFC 5228 §2.10.5, §2.4.2.4).
if header :is :comparator "i;octet" "x-literal" "${hex:40}" {
	keep;
} else {
	discard;
}
