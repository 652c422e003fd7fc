# RFC 5490 §3.1: the example, for a mailbox that was never created.
require ["fileinto", "reject", "mailbox"];
if mailboxexists "Customers" {
   fileinto "Customers";
} else {
   reject "This message was not accepted by the Mailstore";
}
