# RFC 5228 §2.4.2.4: a value above 10FFFF is an error in any string, here a
# mailbox name.
require ["encoded-character", "fileinto"];
fileinto "Archive-${unicode:110000}";
