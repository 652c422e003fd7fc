# spec-bosch-sieve-debug §3: debug_log is a command, not a test.
require "vnd.dovecot.debug";
if debug_log "hello" { keep; }
