# spec-bosch-sieve-debug §5: both examples. debug_log writes to the
# execution log; sieve-test shows it in its trace (see args), and the
# message itself is kept as usual.
require ["variables", "envelope", "vnd.dovecot.debug"];

if header :contains "subject" "hello" {
  debug_log "Subject header contains hello!";
}

if envelope :matches "to" "*" { set "to" "${1}"; }
if envelope :matches "from" "*" { set "from" "${1}"; }
debug_log "Received message TO=${to} FROM=${from}";
