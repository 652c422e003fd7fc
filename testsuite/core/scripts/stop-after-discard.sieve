# Helper for control-stop.svtest: "stop" does not bring back an implicit keep
# that an earlier discard cancelled (RFC 5228 §3.3, §4.4).
discard;
stop;
keep;
