# Helper for error.svtest: the pattern of RFC 5463 §1: use an extension when
# it is available, and fail clearly when the script cannot operate without
# it.
require "ihave";
if ihave "x-frobnicate" {
	frobnicate;
} else {
	error "the x-frobnicate extension is required";
}
