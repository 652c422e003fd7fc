#!/usr/bin/env bash
# `roost config -n` on the seeds-shaped fixture (tests/fixtures/dovecot): every setting the files
# set is shown, includes and globs followed, $variables expanded, `<file` paths resolved
# against the including file; a broken file names file and line; bad arguments exit 64.
# Typed settings: -n leaves out a setting set to its default, plain `roost config` shows the
# defaults, unknown settings warn with file:line (exit 0), bad values and settings Roost
# cannot honour fail with file:line (exit 1); no -c and no file: the embedded default.
# Usage: config_test.sh ROOST SOURCE-DIR
set -euo pipefail
roost=$(realpath "$1"); src=$(realpath "$2")
fixture="$src/tests/fixtures/dovecot/dovecot.conf"
fail() { echo "config_test: FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

out=$("$roost" config -n -c "$fixture" 2>"$tmp/stderr") || fail "roost config exited $?"
[[ ! -s $tmp/stderr ]] || fail "the fixture gave warnings: $(cat "$tmp/stderr")"
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

# -n: a setting set to its default is not shown (in any spelling), a changed one is.
printf 'protocols = imap\ndisable_plaintext_auth = yes\nauth_cache_ttl = 1h\nauth_cache_size = 1M\n' \
  > "$tmp/defaults.conf"
changed=$("$roost" config -n -c "$tmp/defaults.conf") || fail "defaults.conf exited $?"
grep -q '^disable_plaintext_auth' <<<"$changed" && fail "-n shows a setting set to its default"
grep -q '^auth_cache_ttl' <<<"$changed" && fail "-n shows 1h for the default 1 hours"
grep -qxF "auth_cache_size = 1M" <<<"$changed" || fail "-n lost a changed setting: $changed"

# Without -n: every setting with Dovecot's default.
all=$("$roost" config -c "$tmp/defaults.conf") || fail "roost config (all) exited $?"
grep -qxF "auth_cache_size = 1M" <<<"$all" || fail "all: auth_cache_size = 1M missing"
grep -qxF "disable_plaintext_auth = yes" <<<"$all" || fail "all: default disable_plaintext_auth"
grep -qxF "auth_failure_delay = 2 secs" <<<"$all" || fail "all: default auth_failure_delay"
all_default=$("$roost" config -c "$fixture") || fail "roost config (all) on the fixture"
grep -qxF "auth_cache_size = 0" <<<"$all_default" || fail "all: default auth_cache_size = 0"

# An unknown setting: a warning naming file:line, exit 0, still printed.
printf 'protocols = imap\n\nfrobnicate = 1\n' > "$tmp/unknown.conf"
set +e
warn=$("$roost" config -n -c "$tmp/unknown.conf" 2>&1 >/dev/null); rc=$?
set -e
[[ $rc -eq 0 ]] || fail "an unknown setting exited $rc, not 0"
grep -qxF "roost config: warning: $tmp/unknown.conf:3: Unknown setting: frobnicate" <<<"$warn" ||
  fail "the unknown-setting warning is: $warn"

# Errors: exit 1 and FILE:LINE.
expect_error() {  # FILE-CONTENT LINE WHAT
  printf '%b' "$1" > "$tmp/bad.conf"
  set +e
  local err; err=$("$roost" config -n -c "$tmp/bad.conf" 2>&1 >/dev/null); local rc=$?
  set -e
  [[ $rc -eq 1 ]] || fail "'$1' exited $rc, not 1"
  grep -qF "$tmp/bad.conf:$2: " <<<"$err" || fail "'$1': the error does not name line $2: $err"
  grep -qF -- "$3" <<<"$err" || fail "'$1': the error does not say '$3': $err"
}
expect_error 'protocols = imap\nmail_location = mbox:~/mail\n' 2 "mail_location format 'mbox' is not supported"
expect_error 'passdb {\n  driver = pam\n}\n' 2 "passdb driver 'pam' is not supported by Roost"
expect_error '\ndisable_plaintext_auth = maybe\n' 2 "Invalid boolean value: maybe"
expect_error 'auth_mechanisms = plain gssapi\n' 1 "auth mechanism 'gssapi' is not supported"

# No -c, no /etc file (as on a developer machine): the embedded default; --embedded forces it.
embedded=$("$roost" config -n --embedded) || fail "--embedded exited $?"
grep -qxF "# roost config: embedded default" <<<"$embedded" || fail "embedded header: $embedded"
grep -qxF "listen = 127.0.0.1" <<<"$embedded" || fail "embedded: not loopback"
grep -qxF "mail_location = maildir:~/Maildir" <<<"$embedded" || fail "embedded: mail_location"
"$roost" config --help | grep -q -- "--embedded" || fail "--help does not mention --embedded"
echo "config_test: PASS"
