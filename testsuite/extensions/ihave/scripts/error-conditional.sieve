# Helper for error.svtest: error in a branch that is not taken has no
# effect; the script runs on.
require ["ihave", "variables"];
if header :is "x-trigger" "yes" {
	error "triggered";
}
set "state" "done";
discard;
