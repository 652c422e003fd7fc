# Helper for error.svtest: error ends the script with a run-time error
# (RFC 5463 §5); nothing after it runs.
require ["ihave", "fileinto"];
fileinto "Before";
error "Mailbox quota policy violated: größer als 10 MB";
discard;
