# RFC 5232 §5: ":flags" <list-of-flags: string-list>: the list is required.
require ["imap4flags", "fileinto"];
fileinto :flags "Archive";
