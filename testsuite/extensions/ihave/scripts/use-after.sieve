# Helper for ihave.svtest: after a successful ihave the extension may be
# used until the end of the script, outside the block too (RFC 5463 §4,
# item 1).
require "ihave";
if ihave "fileinto" {
	fileinto "Inside";
}
fileinto "After";
