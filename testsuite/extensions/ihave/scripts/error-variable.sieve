# Helper for error.svtest: the message argument is a string like any other;
# variables are expanded.
require ["ihave", "variables"];
if header :matches "subject" "*" {
	set "subject" "${1}";
}
error "cannot handle '${subject}'";
