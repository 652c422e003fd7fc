require "vnd.dovecot.pipe";

pipe "sink";
