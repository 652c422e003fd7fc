# spec-bosch-sieve-debug §3: the message is one string.
require "vnd.dovecot.debug";
debug_log ["one", "two"];
