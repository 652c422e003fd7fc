# Helper for ihave.svtest: an extension both required and tested; it can be
# used anywhere and ihave is true (RFC 5463 §4, item 3).
require ["ihave", "fileinto"];
fileinto "Before";
if ihave "fileinto" {
	fileinto "Inside";
}
