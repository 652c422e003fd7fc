# Helper for ihave.svtest: ihave also takes comparator capabilities (RFC
# 5463 §4: "names of one or more Sieve extensions or comparators").
require ["ihave", "relational"];
if ihave "comparator-i;ascii-numeric" {
	if header :value "gt" :comparator "i;ascii-numeric" "x-score" "5" {
		discard;
	}
}
