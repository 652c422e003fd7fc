# RFC 5228 §2.4.2.4: the error is found in any string of a list.
require "encoded-character";
if header :contains "subject" ["ok", "${unicode:40 FFFFFF}"] {
	discard;
}
