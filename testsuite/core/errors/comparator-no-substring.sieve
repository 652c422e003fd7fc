# RFC 5228 §2.7.3 and RFC 4790 §9.1.1: i;ascii-numeric has no substring
# operation, so it cannot be used with :contains.
require "comparator-i;ascii-numeric";
if header :contains :comparator "i;ascii-numeric" "x-score" "4" {
	keep;
}
