#!/usr/bin/env bash
# Password schemes against Dovecot itself (issue 6): for every scheme, a hash made by
# `doveadm pw` verifies with `roost pw -t`, and a hash made by `roost pw` verifies with
# `doveadm pw -t`; a wrong password fails both ways. Installs dovecot-core when missing.
# Usage: doveadm_pw_test.sh ROOST
set -euo pipefail
roost=$(realpath "$1")
if ! command -v doveadm >/dev/null; then
  if ((EUID != 0)); then echo "doveadm_pw_test: needs dovecot-core (doveadm) or root" >&2; exit 1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends dovecot-core >/dev/null
fi
password='Corr3ct horse! ünïcode'
failed=0
for scheme in PLAIN CLEARTEXT PLAIN.B64 CRYPT MD5-CRYPT SHA256-CRYPT SHA512-CRYPT BLF-CRYPT SHA SSHA \
              SHA256 SSHA256 SHA512 SSHA512 PBKDF2 CRAM-MD5 PLAIN-MD5 SMD5 SHA256.HEX SSHA512.HEX \
              SCRAM-SHA-1 SCRAM-SHA-256 SCRAM-SHA-256.B64; do
  theirs=$(doveadm pw -s "$scheme" -p "$password")
  ours=$("$roost" pw -s "$scheme" -p "$password")
  ok=1
  "$roost" pw -t "$theirs" -p "$password" >/dev/null || ok=0
  doveadm pw -t "$ours" -p "$password" >/dev/null 2>&1 || ok=0
  if "$roost" pw -t "$theirs" -p "wrong" >/dev/null 2>&1; then ok=0; fi
  if doveadm pw -t "$ours" -p "wrong" >/dev/null 2>&1; then ok=0; fi
  if ((ok)); then
    echo "ok    $scheme"
  else
    echo "FAIL  $scheme  doveadm: $theirs  roost: $ours"
    failed=1
  fi
done
exit $failed
