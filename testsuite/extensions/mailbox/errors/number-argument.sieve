# RFC 5490 §3.1: the mailbox names are strings.
require "mailbox";
if mailboxexists 42 { keep; }
