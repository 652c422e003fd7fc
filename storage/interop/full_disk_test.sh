#!/usr/bin/env bash
# A full disk (issue 5, bad input): an append that cannot be stored fails with exit 75
# (temporary failure, so delivery retries later) and a message naming the cause, leaves no
# partial file in tmp/, new/ or cur/, and the mailbox keeps working once there is room.
# Needs root to mount a small tmpfs as the full disk.
# Usage: full_disk_test.sh ROOST-MAILDIR
set -euo pipefail
tool=$(realpath "$1")
if ((EUID != 0)); then
  echo "full_disk_test: needs root (mounts a 256 KiB tmpfs)" >&2
  exit 1
fi
disk=$(mktemp -d /tmp/roost-full.XXXXXX)
cleanup() { umount "$disk" 2>/dev/null || true; rmdir "$disk"; }
trap cleanup EXIT
mount -t tmpfs -o size=256k tmpfs "$disk"
fail() { echo "full_disk_test: FAIL: $*" >&2; exit 1; }

printf 'Subject: small\r\n\r\nfits\r\n' | "$tool" append "$disk/Maildir" >/dev/null || fail "first append"
set +e
err=$(head -c 1000000 /dev/zero | tr '\0' 'x' | "$tool" append "$disk/Maildir" 2>&1 >/dev/null)
rc=$?
set -e
[[ $rc -eq 75 ]] || fail "append to a full disk exited $rc, not 75 (temporary failure): $err"
grep -q "No space left on device" <<<"$err" || fail "the error does not name the cause: $err"
[[ -z $(ls -A "$disk/Maildir/tmp") ]] || fail "a partial file was left in tmp/"
[[ $(ls "$disk/Maildir/new" | wc -l) -eq 1 ]] || fail "new/ does not hold exactly the first message"
printf 'Subject: after\r\n\r\nstill works\r\n' | "$tool" append "$disk/Maildir" >/dev/null ||
  fail "append after the failure"
listing=$("$tool" list "$disk/Maildir") || fail "list"
[[ $(grep -c $'^[0-9]' <<<"$listing") -eq 2 ]] || fail "expected two messages:"$'\n'"$listing"
echo "full_disk_test: PASS (exit 75, cause named, nothing partial, mailbox still usable)"
