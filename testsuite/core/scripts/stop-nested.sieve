# Helper for control-stop.svtest: "stop" inside nested blocks ends the whole
# script, not only the enclosing block (RFC 5228 §3.3).
if exists "subject" {
	if header :contains "subject" "quarterly" {
		stop;
	}
	redirect "inner-after-stop@example.net";
}
redirect "outer-after-stop@example.net";
