#!/usr/bin/env bash
# Interoperability with the real Dovecot (issue 5): a private Dovecot IMAP server on loopback
# serves the Maildir that roost-maildir writes. Mail Roost stores (flags, keywords, folders,
# a subscription) must be listed and fetched by Dovecot with the same UIDs, UIDVALIDITY and
# flags, and mail and folders Dovecot creates must be read by Roost with Dovecot's UIDs.
# Usage: dovecot_interop_test.sh ROOST-MAILDIR
set -euo pipefail
tool=$(realpath "$1")

source "$(dirname "$0")/private_dovecot.sh"
private_dovecot_install

tmp=$(mktemp -d /tmp/roost-interop.XXXXXX)
cleanup() {
  private_dovecot_stop
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() { echo "dovecot_interop: FAIL: $*" >&2; [[ -f "$tmp/Maildir/dovecot-uidlist" ]] && cat "$tmp/Maildir/dovecot-uidlist" >&2; [[ -f "$tmp/dovecot.log" ]] && tail -20 "$tmp/dovecot.log" >&2; exit 1; }

# 1. Roost writes: two messages in INBOX (one with flags and a keyword), one in a folder.
printf 'From: a@example.com\r\nSubject: first from roost\r\n\r\nbody 1\r\n' |
  "$tool" append "$tmp/Maildir" '\Seen' '$Label1' >/dev/null || fail "roost append 1"
printf 'From: b@example.com\r\nSubject: second from roost\r\n\r\nbody 2\r\n' |
  "$tool" append "$tmp/Maildir" >/dev/null || fail "roost append 2"
printf 'From: c@example.com\r\nSubject: in a folder\r\n\r\nbody 3\r\n' |
  "$tool" append "$tmp/Maildir/.Work" '\Flagged' >/dev/null || fail "roost append 3"
"$tool" create "$tmp/Maildir" "Lists/Dovecot" || fail "roost create Lists/Dovecot"
"$tool" create "$tmp/Maildir" "Entwürfe" || fail "roost create Entwürfe"
"$tool" subscribe "$tmp/Maildir" "Entwürfe" || fail "roost subscribe"
roost_inbox=$("$tool" list "$tmp/Maildir") || fail "roost list"
"$tool" list "$tmp/Maildir/.Work" >/dev/null || fail "roost list Work"
validity=$(sed -n 's/^uidvalidity //p' <<<"$roost_inbox")

private_dovecot_start "$tmp" "$tmp/Maildir" "$tmp/home" || fail "Dovecot did not start"

# 2. Dovecot reads what Roost wrote, then writes: APPEND with flags, and a flag change.
python3 - "$DOVECOT_PORT" "$validity" <<'PY' || fail "Dovecot did not see Roost's mail as expected"
import imaplib, re, sys
port, validity = int(sys.argv[1]), sys.argv[2]
imap = imaplib.IMAP4("127.0.0.1", port)
imap.login("demo", "secret")
typ, data = imap.select("INBOX")
assert typ == "OK", data
got = imap.response("UIDVALIDITY")[1][0].decode()
assert got == validity, f"UIDVALIDITY {got} != Roost's {validity}"
typ, data = imap.uid("FETCH", "1:*", "(FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
text = b" ".join(part[0] + part[1] if isinstance(part, tuple) else part for part in data).decode()
items = re.findall(r"UID (\d+) FLAGS \(([^)]*)\).*?Subject: ([^\r\n]*)", text)
seen = {int(uid): (set(flags.split()) - {"\\Recent"}, subject) for uid, flags, subject in items}
assert seen[1] == ({"\\Seen", "$Label1"}, "first from roost"), seen
assert seen[2] == (set(), "second from roost"), seen
assert sorted(seen) == [1, 2], seen
typ, data = imap.list()
names = {line.rsplit(b" ", 1)[-1].strip(b'"') for line in data}
# Dovecot's maildir++ separator is '.', names travel in modified UTF-7.
assert {b"INBOX", b"Work", b"Lists.Dovecot", b"Entw&APw-rfe"} <= names, data
typ, data = imap.lsub()
assert [line.rsplit(b" ", 1)[-1].strip(b'"') for line in data] == [b"Entw&APw-rfe"], data
typ, data = imap.create("Archive.2026")
assert typ == "OK", data
typ, data = imap.select("Work")
typ, data = imap.uid("FETCH", "1", "(FLAGS)")
assert b"\\Flagged" in data[0], data
imap.select("INBOX")
typ, data = imap.append("INBOX", "(\\Answered Project)", None,
                        b"From: d@example.com\r\nSubject: from dovecot\r\n\r\nbody 4\r\n")
assert typ == "OK", data
assert re.match(rb"\[APPENDUID %s 3\]" % validity.encode(), data[0]), data
typ, data = imap.uid("STORE", "2", "+FLAGS", "(\\Flagged)")
assert typ == "OK", data
imap.logout()
PY

private_dovecot_stop

# 3. Roost reads what Dovecot wrote, with Dovecot's UIDs and flags.
after=$("$tool" list "$tmp/Maildir") || fail "roost list after Dovecot"
expect() { grep -qP "$1" <<<"$after" || fail "roost listing lacks /$1/:"$'\n'"$after"; }
expect "^uidvalidity $validity\$"
expect '^1\t\\Seen \$Label1\t'
expect '^2\t\\Flagged\t'
expect '^3\t\\Answered Project\t'
[[ $(grep -c $'^[0-9]' <<<"$after") -eq 3 ]] || fail "expected 3 messages:"$'\n'"$after"
boxes=$("$tool" mailboxes "$tmp/Maildir") || fail "roost mailboxes"
for box in "Archive/2026" "Lists/Dovecot" "Work" "*Entwürfe"; do
  grep -qxF -- " $box" <<<"$boxes" || grep -qxF -- "$box" <<<"$boxes" ||
    fail "roost does not list $box:"$'\n'"$boxes"
done
echo "dovecot_interop: PASS (UIDs, UIDVALIDITY, flags, keywords, folders and subscriptions agree both ways)"
