require "vnd.dovecot.pipe";

pipe "sink";
pipe "sink";
