# Helper for control-stop.svtest: "stop" in an elsif block; the else block and
# everything after the chain must not run (RFC 5228 §3.1, §3.3).
if header :is "subject" "no such subject" {
	redirect "if-branch@example.net";
} elsif header :contains "subject" "report" {
	keep;
	stop;
} else {
	redirect "else-branch@example.net";
}
redirect "after-chain@example.net";
