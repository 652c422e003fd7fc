# RFC 8579 §4: fileinto :specialuse still needs the mailbox name.
require ["special-use", "fileinto"];
fileinto :specialuse "\\Junk";
