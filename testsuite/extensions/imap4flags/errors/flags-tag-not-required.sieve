# RFC 5228 §2.10.5: the :flags tag of keep needs require "imap4flags".
keep :flags "\\Seen";
