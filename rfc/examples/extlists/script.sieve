# RFC 6134 §2.3-2.4: mail from someone in the user's default address book
# (":addrbook:default", short for urn:ietf:params:sieve:addrbook:default) is
# filed under "Known"; "friends" is configured but holds nobody, so the
# envelope test is false. valid_ext_list is true only when every name is a
# configured list, so the "coworkers" test is false. The lists come from
# Pigeonhole 2.4's sieve_extlists_list settings (dovecot.conf) and a Dovecot
# "file" dict (addressbook.dict); Alice is in it.
require ["extlists", "fileinto", "envelope"];

if address :list "from" ":addrbook:default" {
  fileinto "Known";
}
if envelope :list "from" ":addrbook:friends" {
  fileinto "Friends";
}
if valid_ext_list [":addrbook:default", ":addrbook:friends"] {
  fileinto "lists-configured";
}
if valid_ext_list [":addrbook:default", ":addrbook:coworkers"] {
  fileinto "coworkers-configured";
}
