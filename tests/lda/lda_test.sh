#!/usr/bin/env bash
# roost-lda as Postfix's mailbox_command runs it: a passwd-file user, a Pigeonhole-style
# script chain (a global sieve_before, the user's active script through
# sieve = file:~/sieve;active=~/.dovecot.sieve), Maildir results checked on disk, sysexits
# codes for a missing user, a broken script (kept in INBOX, error in the user's log), a
# redirect through sendmail_path and a failing sendmail (75: nothing lost).
# Usage: lda_test.sh ROOST-LDA ROOST
set -euo pipefail
# shellcheck source=../lib/lda_fixture.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/lda_fixture.sh"
lda=$(realpath "$1"); roost=$(realpath "$2")
fail() { echo "lda_test: FAIL: $*" >&2; exit 1; }
t=$(mktemp -d); trap '[[ ${KEEP:-} == 1 ]] && echo "kept $t" || rm -rf "$t"' EXIT

home=$t/home/alice
mkdir -p "$home/sieve" "$t/global"
printf 'alice@example.com:%s::::%s::\n' "$("$roost" pw -s PLAIN -p x)" "$home" > "$t/users"
# A fake sendmail recording what it is given (tests/lib/lda_fixture.sh).
{ lda_fixture "$t" "$t/users"; cat <<CONF; } > "$t/dovecot.conf"
plugin {
  sieve = file:~/sieve;active=~/.dovecot.sieve
  sieve_before = $t/global
  # editheader is not among Pigeonhole's default extensions.
  sieve_extensions = +editheader
}
CONF
cat > "$t/global/10-spam.sieve" <<'SIEVE'
require ["fileinto"];
if header :contains "X-Spam-Flag" "YES" { fileinto "Junk"; stop; }
SIEVE
cat > "$home/sieve/main.sieve" <<'SIEVE'
require ["fileinto", "imap4flags"];
if address :is "from" "boss@example.com" { addflag "\\Flagged"; fileinto "Work"; }
elsif header :contains "subject" "forward me" { redirect "bob@example.org"; }
SIEVE
ln -s sieve/main.sieve "$home/.dovecot.sieve"

deliver() {  # deliver EXPECTED_EXIT [ARGS...] < message
  local rc=0
  "$lda" -c "$t/dovecot.conf" -d alice@example.com -f sender@example.net "${@:2}" \
    2>>"$t/lda.log" || rc=$?
  [[ $rc -eq $1 ]] || fail "roost-lda ${*:2} exited $rc, not $1: $(tail -3 "$t/lda.log")"
}
count() { find "$home/Maildir/$1/new" "$home/Maildir/$1/cur" -type f 2>/dev/null | wc -l; }
msg() { printf 'From: %s\r\nTo: alice@example.com\r\nSubject: %s\r\n%s\r\nbody\r\n' "$1" "$2" "${3:-}"; }

msg friend@example.net "hello" | deliver 0
[[ $(count .) -eq 1 ]] || fail "plain mail not in INBOX"
msg boss@example.com "report" | deliver 0
[[ $(count .Work) -eq 1 ]] || fail "the boss's mail is not in Work (autocreated)"
ls "$home/Maildir/.Work/cur/" | grep -q ':2,F$' || fail "the \\Flagged flag from imap4flags is not on the file"
grep -q "Work" "$home/Maildir/subscriptions" 2>/dev/null && fail "autosubscribe was off"
msg spammer@example.net "buy" "X-Spam-Flag: YES" | deliver 0
[[ $(count .Junk) -eq 1 ]] || fail "the global before-script did not file spam into Junk"
[[ $(count .) -eq 1 ]] || fail "spam also reached INBOX: the user script ran after stop"
msg friend@example.net "please forward me" | deliver 0
grep -q -- "-f sender@example.net -- bob@example.org" "$t/sent-args" || fail "redirect args: $(cat "$t/sent-args")"
grep -q "Subject: please forward me" "$t/sent" || fail "the redirected message was not sent"
[[ $(count .) -eq 1 ]] || fail "a redirected message was also kept"
touch "$t/sendmail-fails"
msg friend@example.net "forward me again" | deliver 75
rm "$t/sendmail-fails"
# Without -f the sender is the message's Return-Path (what dovecot-lda does too).
printf 'Return-Path: <rp@example.net>\r\nFrom: x@example.net\r\nSubject: forward me too\r\n\r\nb\r\n' |
  "$lda" -c "$t/dovecot.conf" -d alice@example.com 2>>"$t/lda.log" || fail "delivery without -f"
grep -q -- "-f rp@example.net -- bob@example.org" "$t/sent-args" || fail "Return-Path not used as sender: $(cat "$t/sent-args")"
# Compiled binaries are saved beside the scripts and reused.
[[ -f $home/sieve/main.svbin && -f $t/global/10-spam.svbin ]] || fail "no .svbin saved"

# A broken personal script: the mail is kept, the error goes to the user's log.
printf 'require "fileinto";\nfileinto "Work"\nkeep;\n' > "$home/sieve/main.sieve"
msg boss@example.com "report 2" | deliver 0
[[ $(count .) -eq 2 ]] || fail "a broken script lost the message"
grep -q "line 3: error" "$home/.dovecot.sieve.log" || fail "no error in the user's log: $(cat "$home/.dovecot.sieve.log" 2>/dev/null)"

# Actions that leave the mailbox or change it: editheader, vacation (tracked: one reply per
# sender), duplicate (the same Message-ID delivered twice is dropped the second time).
cat > "$home/sieve/main.sieve" <<'SIEVE'
require ["vacation", "editheader", "duplicate"];
if duplicate { discard; stop; }
addheader "X-Roost-Filtered" "yes";
vacation :days 1 :addresses ["alice@example.com"] "I am away until Monday.";
SIEVE
: > "$t/sent"; : > "$t/sent-args"
before=$(count .)
for i in 1 2; do
  msg friend@example.net "lunch?" "Message-ID: <lunch-1@example.net>" | deliver 0
done
[[ $(count .) -eq $((before + 1)) ]] || fail "the duplicate was stored again (or the first not at all)"
grep -rlq "^X-Roost-Filtered: yes" "$home/Maildir/new" "$home/Maildir/cur" || fail "addheader did not reach the stored message"
[[ $(grep -c -- "-- sender@example.net" "$t/sent-args") -eq 1 ]] || fail "vacation replies: $(cat "$t/sent-args")"
grep -q "^Auto-Submitted: auto-replied" "$t/sent" || fail "the vacation reply lacks Auto-Submitted"
grep -q "I am away until Monday." "$t/sent" || fail "the vacation reply lacks the reason"
[[ -s $home/.dovecot.lda-dupes ]] || fail "no tracking database in the home directory"
msg friend@example.net "again" "Message-ID: <lunch-2@example.net>" | deliver 0
[[ $(grep -c -- "-- sender@example.net" "$t/sent-args") -eq 1 ]] || fail "a second vacation reply within :days"

# A folder name the store cannot hold ('.' is Maildir++'s separator) is no reason to defer:
# the message is kept in INBOX, as Pigeonhole's implicit keep does after a failed fileinto.
printf 'require "fileinto";\nfileinto "Lists.dotted";\n' > "$home/sieve/main.sieve"
before=$(count .)
msg list@example.net "dotted" | deliver 0
[[ $(count .) -eq $((before + 1)) ]] || fail "fileinto an invalid name did not fall back to INBOX"

# lda_original_recipient_header: without -a the original recipient comes from X-Original-To
# (the rejection names the address the sender used).
printf 'require "reject";\nreject "not here";\n' > "$home/sieve/main.sieve"
: > "$t/sent"
msg friend@example.net "to an alias" "X-Original-To: alias@example.org" |
  deliver 0 -o lda_original_recipient_header=X-Original-To
grep -q "Your message to <alias@example.org> was automatically rejected" "$t/sent" ||
  fail "the rejection does not name the X-Original-To address: $(grep -m1 'Your message' "$t/sent")"

# include (RFC 6609) in a delivered script: a personal script beside it and a global one from
# sieve_global_dir.
mkdir -p "$t/global-lib"
printf 'require "fileinto";\nif header :contains "subject" "invoice" { fileinto "Bills"; }\n' > "$t/global-lib/bills.sieve"
printf 'require "fileinto";\nif header :contains "subject" "party" { fileinto "Fun"; }\n' > "$home/sieve/fun.sieve"
printf 'require "include";\ninclude :personal "fun";\ninclude :global "bills";\n' > "$home/sieve/main.sieve"
msg friend@example.net "party on friday" | deliver 0 -o plugin/sieve_global_dir="$t/global-lib"
msg shop@example.net "your invoice" | deliver 0 -o plugin/sieve_global_dir="$t/global-lib"
[[ $(count .Fun) -eq 1 ]] || fail "include :personal did not file into Fun: $(tail -2 "$home/.dovecot.sieve.log" 2>/dev/null)"
[[ $(count .Bills) -eq 1 ]] || fail "include :global did not file into Bills"
[[ -f $home/sieve/main.svbin ]] || fail "main.sieve was not compiled to main.svbin"
# A new version of an included script (as a ManageSieve upload writes it) is what the next
# delivery runs, though main.svbin is newer than main.sieve.
printf 'require "fileinto";\nif header :contains "subject" "party" { fileinto "Party"; }\n' > "$home/sieve/fun.sieve.new"
mv "$home/sieve/fun.sieve.new" "$home/sieve/fun.sieve"
msg friend@example.net "party on saturday" | deliver 0 -o plugin/sieve_global_dir="$t/global-lib"
[[ $(count .Party) -eq 1 && $(count .Fun) -eq 1 ]] ||
  fail "the changed included script did not take effect (Party $(count .Party), Fun $(count .Fun))"

msg friend@example.net "hi" | { rc=0; "$lda" -c "$t/dovecot.conf" -d nobody@example.com 2>/dev/null || rc=$?; [[ $rc -eq 67 ]] || fail "unknown user exited $rc, not 67"; }
"$lda" --help | grep -q "Usage: roost-lda" || fail "--help"
rc=0; "$lda" -x 2>/dev/null </dev/null || rc=$?; [[ $rc -eq 64 ]] || fail "bad option exited $rc, not 64"
echo "lda_test: PASS"
