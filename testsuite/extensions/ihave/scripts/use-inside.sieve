# Helper for ihave.svtest: fileinto is not required, only tested with ihave
# (RFC 5463 §4, item 1).
require "ihave";
if ihave "fileinto" {
	fileinto "Filed";
}
