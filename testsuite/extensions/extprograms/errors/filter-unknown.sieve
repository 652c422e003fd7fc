require "vnd.dovecot.filter";

filter "no-such-program";
