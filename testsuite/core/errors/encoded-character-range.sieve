# RFC 5228 §2.4.2.4: unicode values above 10FFFF are an error.
require "encoded-character";
if header :contains "subject" "${unicode:200000}" {
	keep;
}
