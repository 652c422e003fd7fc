# spec-bosch-sieve-debug §3: debug_log <message: string>.
require "vnd.dovecot.debug";
debug_log;
