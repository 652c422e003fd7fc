# RFC 5490 §3.1: mailboxexists takes the list of mailbox names.
require "mailbox";
if mailboxexists { keep; }
