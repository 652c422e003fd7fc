# RFC 5228 §3.1: if takes a test and a block.
if header :contains "subject" "report";
keep;
