#!/usr/bin/env bash
# Redirects as the user sees them, through roost-lda with a recording sendmail: the
# redirected copy names the user in X-Sieve-Redirected-From; a message that already names
# them is not sent round again but kept in INBOX; a redelivery of the same message after a
# temporary failure later in the script does not send the first redirect twice; a script
# over sieve_max_redirects sends nothing and keeps the message.
# Usage: redirect_loop_test.sh ROOST-LDA ROOST
set -euo pipefail
lda=$(realpath "$1"); roost=$(realpath "$2")
fail() { echo "redirect_loop_test: FAIL: $*" >&2; exit 1; }
t=$(mktemp -d); trap '[[ ${KEEP:-} == 1 ]] && echo "kept $t" || rm -rf "$t"' EXIT

home=$t/home/alice
mkdir -p "$home/sieve" "$t/out"
printf 'alice@example.com:%s::::%s::\n' "$("$roost" pw -s PLAIN -p x)" "$home" > "$t/users"
# Records each message in its own file named after the recipient; fails (75) for a
# recipient listed in $t/failing.
cat > "$t/sendmail" <<SH
#!/bin/sh
for a in "\$@"; do to=\$a; done
grep -qx "\$to" "$t/failing" 2>/dev/null && exit 75
n=\$(ls "$t/out" | wc -l)
echo "\$@" > "$t/out/\$to.\$n.args"
cat > "$t/out/\$to.\$n"
SH
chmod +x "$t/sendmail"
cat > "$t/dovecot.conf" <<CONF
mail_location = maildir:~/Maildir
sendmail_path = $t/sendmail
userdb {
  driver = passwd-file
  args = $t/users
}
passdb {
  driver = passwd-file
  args = $t/users
}
plugin {
  sieve = file:~/sieve;active=~/.dovecot.sieve
}
CONF
ln -s sieve/main.sieve "$home/.dovecot.sieve"
script() { printf '%s\n' "$1" > "$home/sieve/main.sieve"; }

deliver() {  # deliver EXPECTED_EXIT [CONFIG OVERRIDES...] < message
  local rc=0 args=()
  for o in "${@:2}"; do args+=(-o "$o"); done
  "$lda" -c "$t/dovecot.conf" "${args[@]}" -d alice@example.com -f sender@example.net \
    2>>"$t/lda.log" >>"$t/lda.out" || rc=$?
  [[ $rc -eq $1 ]] || fail "roost-lda exited $rc, not $1: $(tail -3 "$t/lda.log")"
}
inbox() { find "$home/Maildir/new" "$home/Maildir/cur" -type f 2>/dev/null | wc -l; }
copies() { find "$t/out" -name "$1.*" ! -name '*.args' | wc -l; }
msg() {  # msg SUBJECT MESSAGE-ID [EXTRA HEADER]
  printf 'From: friend@example.net\r\nTo: alice@example.com\r\nSubject: %s\r\nMessage-ID: <%s>\r\n%s\r\nbody\r\n' \
    "$1" "$2" "${3:+$3$'\r\n'}"
}

# The redirected copy says who redirected it.
script 'redirect "bob@example.org";'
msg "first" "m1@example.net" | deliver 0
[[ $(copies bob@example.org) -eq 1 ]] || fail "bob did not get exactly one copy"
grep -q "^X-Sieve-Redirected-From: alice@example.com" "$t/out"/bob@example.org.* ||
  fail "the copy lacks X-Sieve-Redirected-From: $(head -3 "$t/out"/bob@example.org.0)"
grep -q "^Subject: first" "$t/out/bob@example.org.0" || fail "bob got another message"
[[ $(inbox) -eq 0 ]] || fail "a redirected message was also kept"

# A message that already went through alice's redirect (it came back round) is not sent
# again; alice keeps it.
: > "$t/lda.out"
msg "came back" "m2@example.net" "X-Sieve-Redirected-From: alice@example.com" | deliver 0
[[ $(copies bob@example.org) -eq 1 ]] || fail "the looping message was redirected again"
[[ $(inbox) -eq 1 ]] || fail "the looping message is not in INBOX ($(inbox) messages)"
grep -rq "^Subject: came back" "$home/Maildir/new" || fail "INBOX holds another message"
grep -q "redirect loop detected" "$t/lda.log" "$t/lda.out" || fail "no 'redirect loop detected' in the log"
# Someone else's redirect is no loop for alice: sent, with both headers.
msg "via carol" "m3@example.net" "X-Sieve-Redirected-From: carol@example.com" | deliver 0
[[ $(copies bob@example.org) -eq 2 ]] || fail "a message redirected by someone else was not forwarded"
last=$(grep -l "^Subject: via carol" "$t/out"/bob@example.org.*)
[[ $(grep -c "^X-Sieve-Redirected-From:" "$last") -eq 2 ]] || fail "the copy should name carol and alice"

# Two redirects; the second fails temporarily, the MTA delivers the message again: bob gets
# it once, dave once the failure is gone.
script 'redirect "bob@example.org"; redirect "dave@example.org";'
echo "dave@example.org" > "$t/failing"
msg "retry me" "m4@example.net" | deliver 75
[[ $(copies bob@example.org) -eq 3 ]] || fail "the first redirect was not sent before the failure"
msg "retry me" "m4@example.net" | deliver 75
rm "$t/failing"
msg "retry me" "m4@example.net" | deliver 0
[[ $(copies bob@example.org) -eq 3 ]] || fail "bob got the redelivered message again ($(copies bob@example.org) copies)"
[[ $(copies dave@example.org) -eq 1 ]] || fail "dave did not get the message after the retry"
grep -q "discarded duplicate forward to <bob@example.org>" "$t/lda.log" "$t/lda.out" ||
  fail "no 'discarded duplicate forward' in the log"
# Another message (another Message-ID) to the same address is no duplicate.
msg "retry me" "m5@example.net" | deliver 0
[[ $(copies bob@example.org) -eq 4 ]] || fail "a different message to bob was taken for a duplicate"

# sieve_max_redirects (default 4): the fifth redirect is a runtime error; nothing is sent
# and the message is kept.
script 'redirect "r1@example.org"; redirect "r2@example.org"; redirect "r3@example.org";
redirect "r4@example.org"; redirect "r5@example.org";'
before=$(inbox)
msg "too many" "m6@example.net" | deliver 0
[[ $(copies 'r[1-5]@example.org') -eq 0 ]] || fail "redirects were sent from a script over the limit"
[[ $(inbox) -eq $((before + 1)) ]] || fail "the message of a failed script was not kept"
grep -q "number of redirect actions exceeds policy limit (5 > 4)" "$home/.dovecot.sieve.log" ||
  fail "no limit error in the user's log: $(cat "$home/.dovecot.sieve.log" 2>/dev/null)"
# A lower limit set in the configuration applies the same way; within it, all are sent.
msg "limit two" "m7@example.net" | deliver 0 "plugin/sieve_max_redirects=2"
[[ $(copies 'r[1-5]@example.org') -eq 0 ]] || fail "sieve_max_redirects=2 let redirects through"
script 'redirect "r1@example.org"; redirect "r2@example.org";'
msg "two" "m8@example.net" | deliver 0 "plugin/sieve_max_redirects=2"
[[ $(copies 'r[1-2]@example.org') -eq 2 ]] || fail "two redirects within the limit were not both sent"
echo "redirect_loop_test: PASS"
