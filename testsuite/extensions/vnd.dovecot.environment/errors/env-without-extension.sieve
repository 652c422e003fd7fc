require ["environment", "variables", "fileinto"];

fileinto "${env.vnd.dovecot.default_mailbox}";
