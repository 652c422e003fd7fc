# Helper for control-stop.svtest: nothing after "stop" may run (RFC 5228 §3.3).
require "fileinto";

fileinto "Before-Stop";
stop;
redirect "after-stop@example.net";
discard;
