# Helper for reject.svtest: two rejects, only one of which is executed.
require "reject";
if header :contains "subject" "birdseed" {
	reject "No birdseed.";
} else {
	reject "No other things either.";
}
