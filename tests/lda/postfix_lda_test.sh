#!/usr/bin/env bash
# Postfix's local(8) delivers through `mailbox_command = roost-lda ...` (the seeds' LDA
# setup): swaks submits to a private Postfix on loopback; one message is filed by the user's
# Sieve script into a folder, one redirected back through Postfix (sendmail) to a second
# user, one kept. Every message is accounted for on disk.
# Usage: postfix_lda_test.sh ROOST-LDA ROOST
set -euo pipefail
lda=$(realpath "$1"); roost=$(realpath "$2")
# shellcheck source=../lib/private_postfix.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/private_postfix.sh"
fail() { echo "postfix_lda_test: FAIL: $*" >&2; exit 1; }
skip() { echo "postfix_lda_test: SKIP: $*"; exit 77; }
[[ $EUID -eq 0 ]] || skip "a private Postfix instance and test accounts need root"
command -v swaks >/dev/null && [[ -x /usr/sbin/postfix ]] || fail "postfix/swaks missing (scripts/install-deps)"

t=$(mktemp -d /tmp/roost-lda-postfix.XXXXXX)
users=(roostlda1 roostlda2)
cleanup() {
  local rc=$?
  set +e
  private_postfix_stop "$t"
  for u in "${users[@]}"; do userdel "$u" >/dev/null 2>&1; done
  [[ -f $t/main.cf.orig ]] && cp "$t/main.cf.orig" /etc/postfix/main.cf
  if [[ ${KEEP:-} == 1 ]]; then echo "kept $t"; else rm -rf "$t"; fi
  exit "$rc"
}
trap cleanup EXIT
chmod 755 "$t"
for u in "${users[@]}"; do
  userdel "$u" >/dev/null 2>&1 || true
  useradd -M -d "$t/home/$u" -s /usr/sbin/nologin "$u"
  install -d -o "$u" -m 700 "$t/home/$u"
done
# sendmail -C DIR run by a user (the redirect, from roost-lda) must find DIR allowed in the
# system main.cf; restored on exit.
[[ -f /etc/postfix/main.cf ]] || fail "no /etc/postfix/main.cf (is postfix installed?)"
cp /etc/postfix/main.cf "$t/main.cf.orig"
echo "alternate_config_directories = $t/etc" >> /etc/postfix/main.cf
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

# Roost's configuration: system users (no -d: roost-lda serves the user it runs as).
cat > "$t/roost.conf" <<CONF
mail_location = maildir:~/Maildir
postmaster_address = postmaster@example.test
sendmail_path = /usr/sbin/sendmail -C $t/etc
protocol lda {
  lda_mailbox_autocreate = yes
}
plugin {
  sieve = file:~/sieve;active=~/.dovecot.sieve
}
CONF
chmod 644 "$t/roost.conf"
home1=$t/home/roostlda1
install -d -o roostlda1 "$home1/sieve"
cat > "$home1/sieve/main.sieve" <<'SIEVE'
require ["fileinto"];
if header :contains "subject" "[list]" { fileinto "Lists"; }
elsif header :contains "subject" "for my colleague" { redirect "roostlda2@localhost"; }
SIEVE
ln -s sieve/main.sieve "$home1/.dovecot.sieve"
chown -R roostlda1 "$home1"

private_postfix_start "$t" "$port" "mydestination = localhost
mailbox_command = $lda -c $t/roost.conf -f \"\$SENDER\" -a \"\$RECIPIENT\"
home_mailbox =" || fail "postfix did not start"

send() {  # send TO SUBJECT
  swaks --server "127.0.0.1:$port" --from sender@example.net --to "$1" \
        --header "Subject: $2" --body "body of $2" --timeout 20 >/dev/null 2>&1 ||
    fail "swaks could not submit '$2': $(tail -5 "$t/postfix.log")"
}
send roostlda1@localhost "hello"
send roostlda1@localhost "[list] news"
send roostlda1@localhost "for my colleague"

count() { find "$1/new" "$1/cur" -type f 2>/dev/null | wc -l; }
for _ in $(seq 200); do
  [[ $(count "$home1/Maildir") -ge 1 && $(count "$home1/Maildir/.Lists") -ge 1 &&
     $(count "$t/home/roostlda2/Maildir") -ge 1 ]] && break
  sleep 0.1
done
[[ $(count "$home1/Maildir") -eq 1 ]] || fail "INBOX holds $(count "$home1/Maildir"), not 1: $(grep -i 'status=' "$t/postfix.log" | tail -5)"
[[ $(count "$home1/Maildir/.Lists") -eq 1 ]] || fail "the list mail is not in Lists"
[[ $(count "$t/home/roostlda2/Maildir") -eq 1 ]] || fail "the redirect did not reach roostlda2: $(grep -i 'status=' "$t/postfix.log" | tail -5)"
grep -rq "Subject: for my colleague" "$t/home/roostlda2/Maildir/new" || fail "roostlda2 got another message"
# The user's files belong to the user (local(8) ran roost-lda with their uid).
[[ $(stat -c %U "$home1/Maildir/.Lists") == roostlda1 ]] || fail "Lists is not owned by the user"
delivered=$(grep -c "status=sent (delivered to command" "$t/postfix.log" || true)
[[ $delivered -eq 4 ]] || fail "Postfix logged $delivered command deliveries, not 4"
echo "postfix_lda_test: PASS"
