# Helper for ihave.svtest: commands and tests of an extension the
# interpreter does not have are accepted inside an ihave block, whose test
# fails at run time (RFC 5463 §1, §4 item 2).
require "ihave";
if ihave "x-frobnicate" {
	frobnicate :loudly "now";
	if frob :degree "high" "x" {
		discard;
	}
	stop;
} else {
	keep;
}
