# RFC 8579 §3 with RFC 6154: every attribute of the list must be valid;
# "\Junk\x" is not an atom after the backslash.
require "special-use";
if specialuse_exists "INBOX" ["\\Sent", "\\Junk\\x"] { keep; }
