# RFC 8579 §3: the mailbox name is a string.
require "special-use";
if specialuse_exists 42 "\\Junk" { keep; }
