#!/usr/bin/env bash
# Quota at delivery through roost-lda (Dovecot's quota plugin settings): plugin { quota =
# maildir:User quota, quota_rule = *:messages=3 } with a userdb quota_rule overriding it for
# one user. Under the limit a message is stored and maildirsize counts it; a fileinto into a
# folder counts too; at the limit -e refuses with 77 and nothing is stored; without -e the
# sender gets a rejection and the exit is 0; with quota_full_tempfail = yes the exit is 75.
# A storage limit lets a last message in with quota_grace (10% by default, as Dovecot);
# `quota = dirsize` from the userdb counts the files and keeps no maildirsize.
# Usage: quota_test.sh ROOST-LDA ROOST
set -euo pipefail
# shellcheck source=../lib/lda_fixture.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/lda_fixture.sh"
lda=$(realpath "$1"); roost=$(realpath "$2")
fail() { echo "quota_test: FAIL: $*" >&2; exit 1; }
t=$(mktemp -d); trap '[[ ${KEEP:-} == 1 ]] && echo "kept $t" || rm -rf "$t"' EXIT
for u in alice bob carol dave; do mkdir -p "$t/home/$u/sieve"; done
{
  printf 'alice@example.com:%s::::%s::\n' "$("$roost" pw -s PLAIN -p x)" "$t/home/alice"
  printf 'bob@example.com:%s::::%s::userdb_quota_rule=*:messages=1\n' "$("$roost" pw -s PLAIN -p x)" "$t/home/bob"
  printf 'carol@example.com:%s::::%s::userdb_quota_rule=*:storage=1000\n' "$("$roost" pw -s PLAIN -p x)" "$t/home/carol"
  printf 'dave@example.com:%s::::%s::userdb_quota=dirsize:User\n' "$("$roost" pw -s PLAIN -p x)" "$t/home/dave"
} > "$t/users"
# A fake sendmail recording what it is given (tests/lib/lda_fixture.sh).
{ lda_fixture "$t" "$t/users"; cat <<CONF; } > "$t/dovecot.conf"
plugin {
  sieve = file:~/sieve;active=~/.dovecot.sieve
  quota = maildir:User quota
  quota_rule = *:messages=3
}
CONF
printf 'require "fileinto";\nif header :contains "subject" "work" { fileinto "Work"; }\n' > "$t/home/alice/sieve/main.sieve"
ln -s sieve/main.sieve "$t/home/alice/.dovecot.sieve"
deliver() {  # deliver EXPECTED_EXIT USER SUBJECT [ARGS...]
  local rc=0
  printf 'From: f@example.net\r\nSubject: %s\r\n\r\nbody\r\n' "$3" |
    "$lda" -c "$t/dovecot.conf" -d "$2" -f sender@example.net "${@:4}" 2>>"$t/lda.log" || rc=$?
  [[ $rc -eq $1 ]] || fail "$2 '$3' exited $rc, not $1: $(tail -2 "$t/lda.log")"
}
count() { find "$t/home/$1/Maildir" -path '*/new/*' -type f | wc -l; }

deliver 0 alice@example.com "one"
deliver 0 alice@example.com "work two"
[[ -f $t/home/alice/Maildir/.Work/new/$(ls "$t/home/alice/Maildir/.Work/new")  ]] || fail "fileinto Work missing"
deliver 0 alice@example.com "three"
[[ $(count alice) -eq 3 ]] || fail "3 messages expected under the limit"
head -1 "$t/home/alice/Maildir/maildirsize" | grep -qx "3C" || fail "maildirsize limits line: $(head -1 "$t/home/alice/Maildir/maildirsize")"
[[ $(awk 'NR>1 {n += $2} END {print n}' "$t/home/alice/Maildir/maildirsize") -eq 3 ]] || fail "maildirsize does not count 3 messages"
echo "ok: under the limit stored, maildirsize counts them (fileinto included)"

deliver 77 alice@example.com "four" -e
grep -q "Quota exceeded (mailbox for user is full)" "$t/lda.log" || fail "-e: no quota message on stderr"
deliver 77 alice@example.com "work five" -e
[[ $(count alice) -eq 3 ]] || fail "over quota, something was stored"
echo "ok: at the limit -e refuses with 77, nothing stored (INBOX and fileinto)"

deliver 0 alice@example.com "six"
grep -q "Quota exceeded (mailbox for user is full)" "$t/sent" || fail "without -e no rejection went to the sender"
grep -q "^To: .*sender@example.net" "$t/sent" || grep -q "sender@example.net" "$t/sent" || fail "the rejection is not addressed to the sender"
[[ $(count alice) -eq 3 ]] || fail "a rejected message was stored"
echo "ok: without -e the sender gets a rejection (exit 0), nothing stored"

deliver 75 alice@example.com "seven" -o quota_full_tempfail=yes
[[ $(count alice) -eq 3 ]] || fail "tempfail stored something"
echo "ok: quota_full_tempfail = yes defers with 75"

deliver 0 bob@example.com "bob one" -e
deliver 77 bob@example.com "bob two" -e
[[ $(count bob) -eq 1 ]] || fail "bob's userdb quota_rule (1 message) did not apply"
echo "ok: a userdb quota_rule overrides the plugin's"

# carol: her userdb quota_rule (1000 bytes) replaces the plugin's (3 messages); messages of
# exactly 260 bytes (roost-lda stores them as they come).
body=$(printf 'x%.0s' $(seq 222))
deliver_sized() {  # deliver_sized EXPECTED_EXIT USER N [ARGS...]
  local rc=0
  printf 'From: f@example.net\r\nSubject: c%s\r\n\r\n%s\r\n' "$3" "$body" |
    "$lda" -c "$t/dovecot.conf" -d "$2" -f sender@example.net "${@:4}" 2>>"$t/lda.log" || rc=$?
  [[ $rc -eq $1 ]] || fail "$2 message $3 exited $rc, not $1: $(tail -2 "$t/lda.log")"
}
used() { awk 'NR>1 {n += $1} END {print n}' "$t/home/$1/Maildir/maildirsize"; }
for n in 1 2 3; do deliver_sized 0 carol@example.com $n -e; done
[[ $(used carol) -eq 780 ]] || fail "carol: 780 bytes expected, maildirsize says $(used carol)"
# 220 bytes left: a 260-byte message needs the grace; with quota_grace = 0 it is refused.
deliver_sized 77 carol@example.com 4 -e -o plugin/quota_grace=0
deliver_sized 0 carol@example.com 4 -e
[[ $(used carol) -eq 1040 ]] || fail "carol: 1040 bytes expected after the grace, maildirsize says $(used carol)"
deliver_sized 77 carol@example.com 5 -e
[[ $(count carol) -eq 4 ]] || fail "carol: 4 messages expected"
echo "ok: quota_grace (10%) lets the last message over a storage limit, none after it"

# dave: quota = dirsize from the userdb, the plugin's 3 messages.
for n in 1 2 3; do deliver 0 dave@example.com "d$n" -e; done
deliver 77 dave@example.com "d4" -e -o "plugin/quota_exceeded_message=Dave's mailbox is full"
tail -1 "$t/lda.log" | grep -qx "Dave's mailbox is full" || fail "quota_exceeded_message not on stderr: $(tail -1 "$t/lda.log")"
[[ $(count dave) -eq 3 ]] || fail "dave: 3 messages expected"
[[ ! -e $t/home/dave/Maildir/maildirsize ]] || fail "dirsize wrote a maildirsize"
echo "ok: quota = dirsize from the userdb counts the files; quota_exceeded_message is what the MTA sees"
echo "quota_test: PASS"
