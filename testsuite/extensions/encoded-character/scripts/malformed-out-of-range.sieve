# Helper for errors.svtest: out-of-range values inside sequences that are
# not well-formed. RFC 5228 §2.4.2.4: "Implementations MUST NOT raise an
# error for an out-of-range Unicode value unless the sequence containing it
# is well-formed according to the grammar." These stay as written.
require ["encoded-character", "fileinto"];
if header :contains "subject" "${unicode:200000" { discard; }
if header :contains "subject" "${ unicode:110000}" { discard; }
if header :contains "subject" "${unicode:110000zz}" { discard; }
if header :contains "subject" "${unicode:DF01;}" { discard; }
fileinto "INBOX";
