# The examples of RFC 5235 §3.2.2 and §3.3. "spamtestplus" alone provides the
# spamtest test (RFC 5235 §3.2 recommends not to require both).
require ["spamtestplus", "virustest", "fileinto", "relational",
         "comparator-i;ascii-numeric"];

if spamtest :value "eq" :comparator "i;ascii-numeric" "0" {
	fileinto "INBOX.unclassified";
} elsif spamtest :percent :value "eq" :comparator "i;ascii-numeric" "0" {
	fileinto "INBOX.not-spam";
} elsif spamtest :percent :value "lt" :comparator "i;ascii-numeric" "37" {
	fileinto "INBOX.spam-trap";
} else {
	discard;
}

if virustest :value "eq" :comparator "i;ascii-numeric" "4" {
	fileinto "INBOX.quarantine";
}
