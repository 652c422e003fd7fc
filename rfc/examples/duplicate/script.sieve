# RFC 7352 §4 example 1: a message seen before (same Message-ID) is filed into Trash; a new
# one is kept, and its ID is recorded when the delivery succeeds (duplicate_mark).
require ["duplicate", "fileinto", "mailbox"];

if duplicate {
    fileinto :create "Trash/Duplicate";
}
