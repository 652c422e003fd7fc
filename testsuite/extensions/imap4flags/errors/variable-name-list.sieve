# RFC 5232 §3.1: the variable name is a single string.
require ["imap4flags", "variables"];
setflag ["a", "b"] "\\Seen";
