# RFC 5228 §2.10.5: setflag needs require "imap4flags".
setflag "\\Seen";
