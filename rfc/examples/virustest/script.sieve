# RFC 5235 §3.3: the virustest example. The scanner saw the message
# (so the result is not "0") and called it "suspicious", which
# dovecot.conf maps to "4": tested and possibly infected, so the message
# goes to quarantine. "infected" would give "5" and discard it.
require ["virustest", "fileinto", "relational", "comparator-i;ascii-numeric"];

if virustest :value "eq" :comparator "i;ascii-numeric" "0"
{
    fileinto "INBOX.unclassified";
}
if virustest :value "eq" :comparator "i;ascii-numeric" "4"
{
    fileinto "INBOX.quarantine";
}
elsif virustest :value "eq" :comparator "i;ascii-numeric" "5"
{
    discard;
}
