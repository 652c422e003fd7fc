# A roost-lda test setup (source this file; uses passwd_file_dbs.sh):
#   lda_fixture DIR USERS   writes DIR/sendmail, a fake that appends its arguments to
#                           DIR/sent-args and the message to DIR/sent (exit 75 while
#                           DIR/sendmail-fails exists), and prints the configuration's head:
#                           Maildir under ~, postmaster, that sendmail, the USERS passwd-file,
#                           lda_mailbox_autocreate; the test appends its plugin {} block.
# shellcheck source=passwd_file_dbs.sh
source "$(dirname "${BASH_SOURCE[0]}")/passwd_file_dbs.sh"

lda_fixture() {
  local dir=$1 users=$2
  cat > "$dir/sendmail" <<SH
#!/bin/sh
[ -e "$dir/sendmail-fails" ] && exit 75
echo "\$@" >> "$dir/sent-args"
cat >> "$dir/sent"
SH
  chmod +x "$dir/sendmail"
  cat <<CONF
mail_location = maildir:~/Maildir
postmaster_address = postmaster@example.com
sendmail_path = $dir/sendmail
$(passwd_file_dbs "$users")
protocol lda {
  lda_mailbox_autocreate = yes
}
CONF
}
