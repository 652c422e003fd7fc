# RFC 5228 §5.4: the capability string for envelope is "envelope".
if envelope "from" "tim@example.com" { discard; }
