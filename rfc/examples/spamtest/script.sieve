# RFC 5235 §3.2.1: the spamtest example. The message went through the
# scanner (X-Spam-Status is there), so the result is not "0" and the mail
# is not "unclassified". dovecot.conf maps the score 2.4 of the threshold
# 5.0 onto 1..10: 1 + 9 * 2.4/5.0 = 5.32, rounded down to "5" as Pigeonhole
# does. That is at least "3", so the message goes to the spam trap even
# though SpamAssassin itself said "No".
require ["spamtest", "fileinto", "relational", "comparator-i;ascii-numeric"];

if spamtest :value "eq" :comparator "i;ascii-numeric" "0"
{
    fileinto "INBOX.unclassified";
}
elsif spamtest :value "ge" :comparator "i;ascii-numeric" "3"
{
    fileinto "INBOX.spam-trap";
}
