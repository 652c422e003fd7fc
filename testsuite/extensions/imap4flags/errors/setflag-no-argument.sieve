# RFC 5232 §3.1: setflag takes at least the list of flags.
require "imap4flags";
setflag;
