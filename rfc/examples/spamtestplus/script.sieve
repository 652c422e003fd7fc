# RFC 5235 §3.2.2: the second spamtestplus example, the one that asks
# with :count whether the message was tested at all. It was (the
# X-Spam-Score field is there), so the :count is 1 and the message is not
# "unclassified"; its score -3.2 is below 0, so :percent gives "0": tested
# and clear of spam, and the message goes to INBOX.not-spam. (Without
# :percent, the same message would give "1", not "0".)
require ["spamtestplus", "fileinto", "relational",
         "comparator-i;ascii-numeric"];

if spamtest :percent :count "eq"
            :comparator "i;ascii-numeric" "0"
{
    fileinto "INBOX.unclassified";
}
elsif spamtest :percent :value "eq"
               :comparator "i;ascii-numeric" "0"
{
    fileinto "INBOX.not-spam";
}
elsif spamtest :percent :value "lt"
               :comparator "i;ascii-numeric" "37"
{
    fileinto "INBOX.spam-trap";
}
else
{
    discard;
}
