# spec-bosch-sieve-debug §5: the first example, plus a fileinto after it.
require ["vnd.dovecot.debug", "fileinto"];
if header :contains "subject" "hello" {
  debug_log "Subject header contains hello!";
}
fileinto "Greetings";
