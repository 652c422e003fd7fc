# RFC 5235 §3.2: "Sieve implementations MUST return an error if the
# ":percent" argument is used and "spamtestplus" is not specified."
require "spamtest";

if spamtest :percent "50" {
	discard;
}
