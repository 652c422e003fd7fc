# Helper for control-stop.svtest: "stop" before any cancelling action leaves
# the implicit keep in effect (RFC 5228 §3.3, §2.10.2).
if true {
	stop;
}
discard;
