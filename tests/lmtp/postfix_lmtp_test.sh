#!/usr/bin/env bash
# Postfix delivers to Roost over LMTP (the seeds' second way): a private Postfix on loopback
# with virtual_transport = lmtp:inet:127.0.0.1:PORT hands mail for example.test to `roost`.
# alice's filter (a file in ~/sieve) files list mail into Lists, redirects mail for bob back
# through Postfix (submission_host) and answers the rest with a vacation reply that Postfix
# delivers to carol. An unknown recipient is refused over LMTP and Postfix bounces to the
# sender; with roost stopped Postfix defers, and after a restart and a queue flush the message
# arrives once. Every message is counted in its Maildir at the end.
# Usage: postfix_lmtp_test.sh ROOST
set -euo pipefail
# shellcheck source=../lib/passwd_file_dbs.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/passwd_file_dbs.sh"
roost=$(realpath "$1")
# shellcheck source=../lib/private_postfix.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/private_postfix.sh"
fail() {
  echo "postfix_lmtp_test: FAIL: $*" >&2
  tail -15 "$t/postfix.log" "$t/roost.log" >&2 2>/dev/null || true
  exit 1
}
skip() { echo "postfix_lmtp_test: SKIP: $*"; exit 77; }
[[ $EUID -eq 0 ]] || skip "a private Postfix instance needs root"
if ! command -v swaks >/dev/null || [[ ! -x /usr/sbin/postfix ]]; then
  fail "postfix/swaks missing (scripts/install-deps)"
fi

t=$(mktemp -d /tmp/roost-postfix-lmtp.XXXXXX)
roost_pid=""
stop_roost() {
  [[ -n $roost_pid ]] || return 0
  kill "$roost_pid" 2>/dev/null || true
  wait "$roost_pid" 2>/dev/null || true
  roost_pid=""
}
cleanup() {
  local rc=$?
  set +e
  stop_roost
  private_postfix_stop "$t"
  if [[ ${KEEP:-} == 1 ]]; then echo "kept $t"; else rm -rf "$t"; fi
  exit "$rc"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
smtp_port=$(free_port); lmtp_port=$(free_port)

for u in alice bob carol; do
  mkdir -p "$t/home/$u"
  echo "$u:{PLAIN}pw:$(id -u):$(id -g)::$t/home/$u::" >> "$t/passwd"
done
cat > "$t/roost.conf" <<CONF
base_dir = $t/run
protocols = lmtp
log_path = $t/roost.log
mail_location = maildir:~/Maildir
auth_username_format = %Ln
postmaster_address = postmaster@example.test
hostname = mail.example.test
submission_host = 127.0.0.1:$smtp_port
$(passwd_file_dbs "$t/passwd")
# alice is the caller (root under CI), outside Dovecot's default valid uid/gid range.
first_valid_uid = 0
first_valid_gid = 0
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $lmtp_port
  }
}
protocol lmtp {
  lda_mailbox_autocreate = yes
}
plugin {
  sieve = file:~/sieve;active=~/.dovecot.sieve
}
CONF
mkdir -p "$t/home/alice/sieve"
cat > "$t/home/alice/sieve/main.sieve" <<'SIEVE'
require ["fileinto", "vacation"];
if header :contains "subject" "[list]" { fileinto "Lists"; stop; }
if header :contains "subject" "for bob" { redirect "bob@example.test"; stop; }
vacation :days 1 :addresses ["alice@example.test"] :subject "Away" "Alice is away this week.";
SIEVE
ln -s sieve/main.sieve "$t/home/alice/.dovecot.sieve"

start_roost() {
  "$roost" -F -c "$t/roost.conf" 2>>"$t/roost.err" &
  roost_pid=$!
  for _ in $(seq 100); do
    (echo > "/dev/tcp/127.0.0.1/$lmtp_port") 2>/dev/null && return 0
    sleep 0.1
  done
  fail "roost did not listen: $(cat "$t/roost.err")"
}
start_roost
# Unknown users are not Postfix's to know: it asks LMTP, which refuses them (550 5.1.1).
private_postfix_start "$t" "$smtp_port" "virtual_mailbox_domains = example.test
virtual_transport = lmtp:inet:127.0.0.1:$lmtp_port
smtpd_reject_unlisted_recipient = no
bounce_queue_lifetime = 0
maximal_queue_lifetime = 1h" || fail "postfix did not start"

send() {  # send FROM TO SUBJECT
  swaks --server "127.0.0.1:$smtp_port" --from "$1" --to "$2" --header "Subject: $3" \
        --body "body of $3" --timeout 20 >/dev/null 2>&1 ||
    fail "swaks could not submit '$3'"
}
count() { find "$t/home/$1/Maildir/$2/new" "$t/home/$1/Maildir/$2/cur" -type f 2>/dev/null | wc -l; }
# wait_for USER FOLDER N: until the folder holds N messages (30 s at most).
wait_for() {
  for _ in $(seq 300); do [[ $(count "$1" "$2") -ge $3 ]] && return 0; sleep 0.1; done
  fail "$1 $2 has $(count "$1" "$2") messages, expected $3"
}

send carol@example.test alice@example.test "[list] news"
wait_for alice .Lists 1
echo "ok: Postfix -> LMTP -> alice's filter -> Lists"
send carol@example.test alice@example.test "for bob"
wait_for bob . 1
grep -q "^X-Sieve-Redirected-From: alice@example.test" "$(find "$t/home/bob/Maildir/new" -type f | head -1)" ||
  fail "the redirected copy lacks X-Sieve-Redirected-From"
echo "ok: redirect went back through Postfix to bob"
send carol@example.test alice@example.test "hello"
wait_for alice . 1
wait_for carol . 1
reply=$(grep -l "^Subject: Away" "$t/home/carol/Maildir/new/"* || true)
[[ -n $reply ]] || fail "carol's message is not the vacation reply"
grep -q "^Auto-Submitted: auto-replied" "$reply" || fail "the vacation reply lacks Auto-Submitted"
grep -q "^Return-Path: <>" "$reply" || fail "the vacation reply was not sent with the null sender"
grep -q "Alice is away this week." "$reply" || fail "the vacation reply lacks its text"
echo "ok: vacation reply delivered by Postfix to carol"

send carol@example.test nobody@example.test "to nobody"
wait_for carol . 2
grep -q "to=<nobody@example.test>,.* dsn=5.1.1, status=bounced (.* said: 550 5.1.1 " "$t/postfix.log" ||
  fail "Postfix did not log nobody's bounce with LMTP's 550 5.1.1"
bounce=$(grep -l "^From: .*MAILER-DAEMON@" "$t/home/carol/Maildir/new/"* || true)
[[ -n $bounce ]] || fail "no bounce in carol's INBOX"
grep -q "^Return-Path: <>" "$bounce" || fail "the bounce was not sent with the null sender"
grep -q "^Final-Recipient: rfc822; nobody@example.test" "$bounce" || fail "the bounce is not about nobody"
grep -q "^Status: 5.1.1" "$bounce" || fail "the bounce's delivery status is not 5.1.1"
echo "ok: unknown recipient refused over LMTP, bounce delivered to the sender"

stop_roost
send carol@example.test alice@example.test "[list] while down"
for _ in $(seq 200); do grep -q "status=deferred" "$t/postfix.log" && break; sleep 0.1; done
grep -q "status=deferred" "$t/postfix.log" || fail "Postfix did not defer while roost was down"
[[ $(count alice .Lists) -eq 1 ]] || fail "a message arrived while roost was down"
deferred=$(grep -c "status=deferred" "$t/postfix.log" || true)
[[ $deferred -eq 1 ]] || fail "Postfix deferred $deferred deliveries, not 1"
qid=$(sed -n 's/.* \([0-9A-F]\{6,\}\): to=<alice@example.test>,.*status=deferred.*/\1/p' "$t/postfix.log")
[[ -n $qid ]] || fail "the deferred delivery is not alice's"
start_roost
/usr/sbin/postqueue -c "$t/etc" -f
wait_for alice .Lists 2
echo "ok: deferred while down, delivered once after the restart"

sleep 2  # anything still in flight would land now
for check in "alice . 1" "alice .Lists 2" "bob . 1" "carol . 2"; do
  read -r user folder n <<< "$check"
  [[ $(count "$user" "$folder") -eq $n ]] || fail "$user $folder holds $(count "$user" "$folder") messages, not $n"
done
# subjects USER FOLDER: the Subject lines of the folder's messages, sorted, each ended by "|".
subjects() {
  cat "$t/home/$1/Maildir/$2/new/"* "$t/home/$1/Maildir/$2/cur/"* 2>/dev/null |
    sed -n 's/^Subject: //p' | sort | tr '\n' '|'
}
[[ $(subjects alice .) == "hello|" ]] || fail "alice's INBOX holds: $(subjects alice .)"
[[ $(subjects alice .Lists) == "[list] news|[list] while down|" ]] || fail "Lists holds: $(subjects alice .Lists)"
[[ $(subjects bob .) == "for bob|" ]] || fail "bob's INBOX holds: $(subjects bob .)"
# carol's bounce also carries the returned message's Subject (to nobody).
[[ $(subjects carol .) == "Away|Undelivered Mail Returned to Sender|to nobody|" ]] ||
  fail "carol's INBOX holds: $(subjects carol .)"
queued=$(/usr/sbin/postqueue -c "$t/etc" -p | tail -1)
[[ $queued == "Mail queue is empty" ]] || fail "Postfix still holds mail: $queued"
# 5 submitted, 1 bounced; 7 LMTP deliveries: list, redirect (alice, bob), hello and its
# vacation reply, the bounce to carol, the deferred list mail exactly once.
sent=$(grep -c "status=sent" "$t/postfix.log" || true)
[[ $sent -eq 7 ]] || fail "Postfix logged $sent LMTP deliveries, not 7"
[[ $(grep -c "status=bounced" "$t/postfix.log") -eq 1 ]] || fail "Postfix bounced more than nobody's message"
[[ $(grep -c " $qid: to=<alice@example.test>,.*status=sent" "$t/postfix.log") -eq 1 ]] ||
  fail "the deferred message $qid was not delivered exactly once"
echo "postfix_lmtp_test: PASS (6 messages, every one in its mailbox, queue empty)"
