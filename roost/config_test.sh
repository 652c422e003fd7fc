#!/usr/bin/env bash
# `roost config -n` on the seeds-shaped fixture (tests/fixtures/dovecot): every setting the files
# set is shown, includes and globs followed, $variables expanded, `<file` paths resolved
# against the including file; a broken file names file and line; bad arguments exit 64.
# Usage: config_test.sh ROOST SOURCE-DIR
set -euo pipefail
roost=$(realpath "$1"); src=$(realpath "$2")
fixture="$src/tests/fixtures/dovecot/dovecot.conf"
fail() { echo "config_test: FAIL: $*" >&2; exit 1; }

out=$("$roost" config -n -c "$fixture") || fail "roost config exited $?"
expect() { grep -qxF -- "$1" <<<"$out" || fail "missing line '$1' in:"$'\n'"$out"; }
expect "protocols = imap pop3 lmtp sieve"
expect "mail_location = maildir:/var/spool/mail/%d/%n"
expect "ssl_cert = <$src/tests/fixtures/dovecot/certs/mail.example.com.pem"
expect "auth_mechanisms = plain login"
expect "  driver = sql"
expect "  mailbox Junk {"
expect "    special_use = \\Junk"
expect "  unix_listener /var/spool/postfix/private/dovecot-lmtp {"
expect "  sieve_quota_max_scripts = 10"
expect "  postmaster_address = postmaster@example.com"

over=$("$roost" config -n -c "$fixture" -o plugin/sieve_quota_max_scripts=3) || fail "-o"
grep -qxF "  sieve_quota_max_scripts = 3" <<<"$over" || fail "-o did not win"

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf 'protocols = imap\nservice imap {\n  vsz_limit = 1G\n' > "$tmp/broken.conf"
set +e
err=$("$roost" config -c "$tmp/broken.conf" 2>&1 >/dev/null); rc=$?
"$roost" config --frob >/dev/null 2>&1; usage=$?
"$roost" config -c "$tmp/missing.conf" >/dev/null 2>&1; missing=$?
set -e
[[ $rc -eq 1 ]] || fail "a broken file exited $rc, not 1"
grep -q "$tmp/broken.conf:" <<<"$err" || fail "the error does not name the file: $err"
[[ $usage -eq 64 ]] || fail "a bad argument exited $usage, not 64"
[[ $missing -eq 1 ]] || fail "a missing file exited $missing, not 1"
echo "config_test: PASS"
