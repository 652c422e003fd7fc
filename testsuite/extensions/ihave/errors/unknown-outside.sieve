# RFC 5463 §4 item 1: "The extension cannot be used prior to the evaluation
# of such a test": an unrequired command before any ihave is an error.
require "ihave";
fileinto "Early";
if ihave "fileinto" {
	fileinto "Late";
}
