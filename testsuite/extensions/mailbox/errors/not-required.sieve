# RFC 5228 §2.10.5: mailboxexists needs require "mailbox".
if mailboxexists "Partners" { keep; }
