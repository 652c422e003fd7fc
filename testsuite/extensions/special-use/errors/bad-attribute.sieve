# RFC 8579 §3 with RFC 6154: a special-use attribute is "\" followed by an
# atom; "Junk" lacks the backslash.
require "special-use";
if specialuse_exists "Junk" { keep; }
