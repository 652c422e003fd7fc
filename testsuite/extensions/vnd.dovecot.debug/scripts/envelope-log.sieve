# spec-bosch-sieve-debug §5: the second example, logging the envelope.
require ["variables", "envelope", "vnd.dovecot.debug"];
if envelope :matches "to" "*" { set "to" "${1}"; }
if envelope :matches "from" "*" { set "from" "${1}"; }
debug_log "Received message TO=${to} FROM=${from}";
