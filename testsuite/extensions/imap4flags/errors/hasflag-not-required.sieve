# RFC 5228 §2.10.5: hasflag needs require "imap4flags".
if hasflag "\\Seen" { discard; }
