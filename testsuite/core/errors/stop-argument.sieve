# RFC 5228 §3.3: stop takes no arguments.
stop "now";
