# Helper for set.svtest: "secret" is set only in the calling test script.
require "variables";
if string :is "${secret}" "" {
	keep;
} else {
	discard;
}
