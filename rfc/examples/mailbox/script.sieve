# RFC 5490 §3.1: the mailboxexists example. sieve-test has no mail store:
# only the default mailbox (INBOX) exists, so "Partners" is missing and the
# else branch rejects the message.
require ["fileinto", "reject", "mailbox"];
if mailboxexists "Partners" {
   fileinto "Partners";
} else {
   reject "This message was not accepted by the Mailstore";
}
