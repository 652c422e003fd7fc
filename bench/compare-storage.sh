#!/usr/bin/env bash
# Yardstick for the storage figures: the same 100,000-message Maildir listed by Roost
# (roost-maildir list, which uses roost.index) and by Dovecot 2.3 from Debian (IMAP SELECT +
# UID FETCH 1:* (FLAGS RFC822.SIZE) on a private loopback instance, with its own index),
# each timed cold (no index yet) and warm (index present). Installs dovecot-imapd if missing.
# Usage: bench/compare-storage.sh ROOST-MAILDIR [MESSAGES]
set -euo pipefail
tool=$(realpath "$1")
count=${2:-100000}
source "$(dirname "$0")/../storage/interop/private_dovecot.sh"
private_dovecot_install
tmp=$(mktemp -d /tmp/roost-compare.XXXXXX)
cleanup() { private_dovecot_stop; rm -rf "$tmp"; }
trap cleanup EXIT
echo "compare-storage: writing $count messages..."
python3 - "$tmp" "$count" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for mailbox in ("roost", "dovecot"):
    for sub in ("cur", "new", "tmp"):
        os.makedirs(f"{root}/{mailbox}/Maildir/{sub}", exist_ok=True)
    for i in range(n):
        body = f"From: a@example.com\r\nSubject: message {i}\r\n\r\nbody {i}\r\n".encode()
        name = f"{root}/{mailbox}/Maildir/cur/1700000000.M{i}P1Q1.bench,S={len(body)}:2,S"
        with open(name, "wb") as f:
            f.write(body)
PY
old=$(( $(date +%s) - 3600 ))
touch -d "@$old" "$tmp/roost/Maildir/cur" "$tmp/roost/Maildir/new"
t0=$(date +%s.%N); "$tool" list "$tmp/roost/Maildir" >/dev/null; t1=$(date +%s.%N)
touch -d "@$old" "$tmp/roost/Maildir/cur" "$tmp/roost/Maildir/new" "$tmp/roost/Maildir/dovecot-uidlist"
"$tool" list "$tmp/roost/Maildir" >/dev/null  # writes the settled index
t2=$(date +%s.%N); "$tool" list "$tmp/roost/Maildir" >/dev/null; t3=$(date +%s.%N)

private_dovecot_start "$tmp" "$tmp/dovecot/Maildir" "$tmp/dovecot"
python3 - "$DOVECOT_PORT" "$count" "$t0" "$t1" "$t2" "$t3" <<'PY'
import imaplib, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
roost_cold = float(sys.argv[4]) - float(sys.argv[3])
roost_warm = float(sys.argv[6]) - float(sys.argv[5])
def listing():
    start = time.time()
    imap = imaplib.IMAP4("127.0.0.1", port)
    imap.login("bench", "secret")
    imap.select("INBOX")
    typ, data = imap.uid("FETCH", "1:*", "(FLAGS RFC822.SIZE)")
    assert typ == "OK" and len(data) == n, (typ, len(data))
    imap.logout()
    return time.time() - start
dovecot_cold, dovecot_warm = listing(), listing()
print(f"listing {n} messages   cold (no index)   warm (index)")
print(f"Roost roost-maildir      {roost_cold*1000:9.0f} ms   {roost_warm*1000:9.0f} ms   (whole process)")
print(f"Dovecot IMAP select+fetch{dovecot_cold*1000:9.0f} ms   {dovecot_warm*1000:9.0f} ms   (login, select, fetch over loopback)")
PY
