# Helper for unknown.svtest: an unknown item is handled gracefully.
require "environment";
if environment :contains "x-no-such-item" "" {
	discard;
}
keep;
