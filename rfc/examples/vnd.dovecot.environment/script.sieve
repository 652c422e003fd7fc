# spec-bosch-sieve-dovecot-environment §3-§5. The args make "Incoming" the
# default mailbox (-m) and set sieve_env_lists_folder, the setting that
# the item vnd.dovecot.config.lists_folder reads. The environment test
# comes with the extension (§5), and the "env" namespace (§4) makes items
# variables, a "-" in the item name written "_". This list mail is filed
# under the default mailbox: Incoming/Lists.
require ["variables", "fileinto", "vnd.dovecot.environment"];

if environment :matches "vnd.dovecot.config.lists_folder" "*" {
    set "lists" "${1}";
}
if allof (exists "list-id", not string :is "${lists}" "") {
    fileinto "${env.vnd.dovecot.default_mailbox}/${lists}";
}
