# RFC 5232 §5: :flags alters only keep and fileinto.
require "imap4flags";
redirect :flags "\\Seen" "joe@example.com";
