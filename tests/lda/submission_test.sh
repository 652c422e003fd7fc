#!/usr/bin/env bash
# submission_host: roost-lda sends its outgoing mail over SMTP to a real Postfix on loopback
# (sendmail_path points at a program that always fails, so nothing can go that way). A
# redirect and a vacation reply are delivered by Postfix to local users' Maildirs, with the
# envelope sender in Return-Path; the redirect's 8-bit body with bare LFs and lines starting
# with "." arrives byte for byte (Postfix is told to refuse bare LFs). A recipient Postfix
# refuses (5xx) or defers (4xx), a stopped Postfix, and a server that never answers make
# roost-lda exit 75, and once Postfix is back the same message goes out exactly once.
# Usage: submission_test.sh ROOST-LDA ROOST
set -euo pipefail
# shellcheck source=../lib/passwd_file_dbs.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/passwd_file_dbs.sh"
lda=$(realpath "$1"); roost=$(realpath "$2")
# shellcheck source=../lib/private_postfix.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/private_postfix.sh"
fail() { echo "submission_test: FAIL: $*" >&2; exit 1; }
skip() { echo "submission_test: SKIP: $*"; exit 77; }
[[ $EUID -eq 0 ]] || skip "a private Postfix instance and test accounts need root"
[[ -x /usr/sbin/postfix ]] || fail "postfix missing (scripts/install-deps)"

t=$(mktemp -d /tmp/roost-lda-smtp.XXXXXX)
users=(roostsmtp1 roostsmtp2)
silent_pid=
cleanup() {
  local rc=$?
  set +e
  [[ -n $silent_pid ]] && kill "$silent_pid" 2>/dev/null
  private_postfix_stop "$t"
  for u in "${users[@]}"; do userdel "$u" >/dev/null 2>&1; done
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
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
postfix_conf="mydestination = localhost
home_mailbox = Maildir/
smtpd_forbid_bare_newline = yes
smtpd_forbid_bare_newline_exclusions =
debug_peer_list = 127.0.0.1
smtpd_recipient_restrictions = check_recipient_access inline:{ {refused@localhost = 550 5.1.1 no such user}, {deferred@localhost = 450 4.2.0 try again later} }, permit_mynetworks, reject_unauth_destination"
private_postfix_start "$t" "$port" "$postfix_conf" || fail "postfix did not start"

alice=$t/alice
mkdir -p "$alice/sieve"
printf 'alice@example.com:%s::::%s::\n' "$("$roost" pw -s PLAIN -p x)" "$alice" > "$t/users"
cat > "$t/roost.conf" <<CONF
mail_location = maildir:~/Maildir
hostname = lda.example.test
submission_host = 127.0.0.1:$port
sendmail_path = /bin/false
$(passwd_file_dbs "$t/users")
plugin {
  sieve = file:~/sieve;active=~/.dovecot.sieve
}
CONF
cat > "$alice/sieve/main.sieve" <<'SIEVE'
require ["vacation"];
if header :contains "subject" "forward" { redirect "roostsmtp1@localhost"; }
elsif header :contains "subject" "refused" { redirect "refused@localhost"; }
elsif header :contains "subject" "deferred" { redirect "deferred@localhost"; }
else { vacation :days 1 :addresses ["alice@example.com"] "I am away until Monday."; }
SIEVE
ln -s sieve/main.sieve "$alice/.dovecot.sieve"

deliver() {  # deliver EXPECTED_EXIT SENDER [-o ...] < message
  local rc=0
  "$lda" -c "$t/roost.conf" -d alice@example.com -f "$2" "${@:3}" 2>>"$t/lda.log" || rc=$?
  [[ $rc -eq $1 ]] || fail "roost-lda exited $rc, not $1: $(tail -3 "$t/lda.log")"
}
maildir() { echo "$t/home/$1/Maildir"; }
count() { find "$(maildir "$1")/new" "$(maildir "$1")/cur" -type f 2>/dev/null | wc -l; }
wait_for() {  # wait_for USER N
  for _ in $(seq 300); do [[ $(count "$1") -ge $2 ]] && return 0; sleep 0.1; done
  fail "$1 has $(count "$1") messages, not $2: $(grep -E 'status=|reject' "$t/postfix.log" | tail -5)"
}
inbox() { find "$alice/Maildir/new" "$alice/Maildir/cur" -type f 2>/dev/null | wc -l; }
body() { sed '1,/^\r\{0,1\}$/d' "$1"; }

# The redirect: LF line ends, UTF-8 in the body, lines that dot-stuffing must protect.
printf 'From: friend@example.net\nTo: alice@example.com\nSubject: please forward\nMessage-ID: <fwd-1@example.net>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nGr\xc3\xbc\xc3\x9fe aus K\xc3\xb6ln\n.\n.leading dot\n..two dots\nlast line\n' > "$t/forward.eml"
deliver 0 sender@example.net < "$t/forward.eml"
wait_for roostsmtp1 1
got=$(find "$(maildir roostsmtp1)/new" -type f | head -1)
grep -q "^Return-Path: <sender@example.net>" "$got" || fail "redirect envelope sender: $(grep Return-Path "$got")"
grep -q "^X-Sieve-Redirected-From: alice@example.com" "$got" || fail "no X-Sieve-Redirected-From"
grep -q "^Subject: please forward" "$got" || fail "roostsmtp1 got another message"
cmp -s <(body "$got") <(body "$t/forward.eml") || fail "the body changed on the way: $(body "$got" | od -c | head)"
grep -q "MAIL FROM:<sender@example.net> BODY=8BITMIME" "$t/postfix.log" ||
  fail "8-bit message sent without BODY=8BITMIME: $(grep 'MAIL FROM' "$t/postfix.log")"
grep -q "EHLO lda.example.test" "$t/postfix.log" || fail "EHLO does not name the hostname setting"
[[ $(inbox) -eq 0 ]] || fail "the redirected message was also kept"

# The vacation reply: to the sender, from the null sender, marked auto-replied.
printf 'From: roostsmtp2@localhost\r\nTo: alice@example.com\r\nSubject: lunch?\r\nMessage-ID: <lunch-1@example.net>\r\n\r\nLunch on Friday?\r\n' |
  deliver 0 roostsmtp2@localhost
wait_for roostsmtp2 1
reply=$(find "$(maildir roostsmtp2)/new" -type f | head -1)
grep -q "^Return-Path: <>" "$reply" || fail "the vacation reply's envelope sender is not <>: $(grep Return-Path "$reply")"
grep -q "^Auto-Submitted: auto-replied" "$reply" || fail "the vacation reply lacks Auto-Submitted"
grep -q "I am away until Monday." "$reply" || fail "the vacation reply lacks the reason"
grep -q "^In-Reply-To: <lunch-1@example.net>" "$reply" || fail "the vacation reply does not refer to the message"
[[ $(inbox) -eq 1 ]] || fail "the message that got a vacation reply is not in INBOX"

# Refused and deferred recipients: temporary failure, nothing delivered or kept.
printf 'From: f@example.net\r\nSubject: refused\r\n\r\nx\r\n' | deliver 75 sender@example.net
printf 'From: f@example.net\r\nSubject: deferred\r\n\r\nx\r\n' | deliver 75 sender@example.net
grep -q "RCPT TO:<refused@localhost>: 550 5.1.1 .*no such user" "$t/lda.log" || fail "the 5xx reply is not in roost-lda's error"
grep -q "RCPT TO:<deferred@localhost>: 450 4.2.0 .*try again later" "$t/lda.log" || fail "the 4xx reply is not in roost-lda's error"
[[ $(inbox) -eq 1 ]] || fail "a deferred message was kept as well"

# Postfix stopped: 75, the MTA keeps the message; once Postfix is back it goes out once.
private_postfix_stop "$t"
sed 's/fwd-1@/fwd-2@/; s/please forward/please forward again/' "$t/forward.eml" > "$t/forward2.eml"
deliver 75 sender@example.net < "$t/forward2.eml"
grep -q "connect failed" "$t/lda.log" || fail "no connection error reported: $(tail -2 "$t/lda.log")"
private_postfix_start "$t" "$port" "$postfix_conf" || fail "postfix did not restart"
deliver 0 sender@example.net < "$t/forward2.eml"
wait_for roostsmtp1 2
sleep 1
[[ $(count roostsmtp1) -eq 2 ]] || fail "roostsmtp1 has $(count roostsmtp1) messages, not 2"
[[ $(grep -l "^Subject: please forward again" "$(maildir roostsmtp1)"/new/* | wc -l) -eq 1 ]] ||
  fail "the retried redirect did not arrive exactly once"

# The first message again (the MTA retrying it): the redirect is not sent twice.
deliver 0 sender@example.net < "$t/forward.eml"
grep -q "discarded duplicate forward to <roostsmtp1@localhost>" "$t/lda.log" || fail "the repeated redirect was not recognised"
sleep 1
[[ $(count roostsmtp1) -eq 2 ]] || fail "the repeated redirect reached roostsmtp1 again"

# A server that accepts the connection and never answers: submission_timeout, then 75.
silent=$(free_port)
python3 -c 'import socket,sys,time
s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(5); c=s.accept(); time.sleep(60)' "$silent" &
silent_pid=$!
sleep 0.5
start=$SECONDS
sed 's/fwd-1@/fwd-3@/' "$t/forward.eml" > "$t/forward3.eml"
deliver 75 sender@example.net -o "submission_host=127.0.0.1:$silent" -o submission_timeout=2s < "$t/forward3.eml"
(( SECONDS - start <= 10 )) || fail "submission_timeout=2s took $((SECONDS - start)) s"
grep -q "timed out" "$t/lda.log" || fail "no timeout reported: $(tail -2 "$t/lda.log")"

# TLS to the submission host is not implemented: refused as a configuration error.
rc=0
"$lda" -c "$t/roost.conf" -o submission_ssl=starttls -d alice@example.com -f s@example.net \
  < "$t/forward.eml" 2>"$t/ssl.err" || rc=$?
[[ $rc -eq 78 ]] || fail "submission_ssl=starttls exited $rc, not 78"
grep -q "submission_ssl" "$t/ssl.err" || fail "the error does not name submission_ssl: $(cat "$t/ssl.err")"
echo "submission_test: PASS"
