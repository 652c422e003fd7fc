#!/usr/bin/env bash
# A real Postfix smtpd with `smtpd_sasl_type = dovecot` authenticates against `roost serve`'s
# auth socket, laid out as in the seeds (unix_listener /var/spool/postfix/private/auth, mode
# 0660, user and group postfix: here under a private queue directory). swaks logs in with
# AUTH PLAIN and LOGIN, with the right and a wrong password, and an unknown user.
# Usage: postfix_sasl_test.sh ROOST
set -euo pipefail
roost=$(realpath "$1")
# shellcheck source=../lib/private_postfix.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/private_postfix.sh"
fail() { echo "postfix_sasl_test: FAIL: $*" >&2; exit 1; }
skip() { echo "postfix_sasl_test: SKIP: $*"; exit 77; }

for tool in swaks /usr/sbin/postfix; do
  command -v "$tool" >/dev/null || { [[ $EUID -ne 0 ]] && skip "$tool missing"; fail "$tool missing (scripts/install-deps installs it)"; }
done
[[ $EUID -eq 0 ]] || skip "a private Postfix instance needs root"
id postfix >/dev/null 2>&1 || fail "no postfix user (is the postfix package installed?)"

t=$(mktemp -d /tmp/roost-postfix.XXXXXX)
chmod 755 "$t"  # Postfix's daemons run as the postfix user and must reach the queue
roost_pid=""
cleanup() {
  local rc=$?
  set +e
  private_postfix_stop "$t"
  [[ -n $roost_pid ]] && kill "$roost_pid" 2>/dev/null && wait "$roost_pid" 2>/dev/null
  if [[ ${KEEP:-} == 1 ]]; then echo "kept $t"; else rm -rf "$t"; fi
  exit "$rc"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
queue="$t/spool"
mkdir -p "$queue/private" "$t/run"
chown postfix "$queue/private"

# --- Roost: a passwd-file user database and the seeds' listener for Postfix.
hash=$("$roost" pw -s SHA512-CRYPT -p 'correct horse')
printf 'alice@example.com:%s::::::\n' "$hash" > "$t/users"
cat > "$t/dovecot.conf" <<CONF
base_dir = $t/run
auth_mechanisms = plain login
auth_failure_delay = 1 secs
passdb {
  driver = passwd-file
  args = $t/users
}
userdb {
  driver = static
  args = uid=vmail gid=vmail home=/var/spool/mail/%d/%n
}
service auth {
  unix_listener $queue/private/auth {
    mode = 0660
    user = postfix
    group = postfix
  }
}
CONF
"$roost" serve -c "$t/dovecot.conf" 2> "$t/roost.log" &
roost_pid=$!
for _ in $(seq 50); do [[ -S $queue/private/auth ]] && break; sleep 0.1; done
[[ -S $queue/private/auth ]] || fail "roost serve did not create the socket: $(cat "$t/roost.log")"
[[ $(stat -c '%a %U %G' "$queue/private/auth") == "660 postfix postfix" ]] ||
  fail "socket mode/owner: $(stat -c '%a %U %G' "$queue/private/auth")"

# --- Postfix: Debian's master.cf without chroot, smtpd on the test port only.
private_postfix_start "$t" "$port" "smtpd_sasl_type = dovecot
smtpd_sasl_path = private/auth
smtpd_sasl_auth_enable = yes
smtpd_relay_restrictions = permit_sasl_authenticated, reject" || fail "postfix did not start"

login() {  # login MECHANISM USER PASSWORD -> swaks transcript
  swaks --server "127.0.0.1:$port" --ehlo client.example.test --auth "$1" \
        --auth-user "$2" --auth-password "$3" --quit-after AUTH --timeout 20 2>&1 || true
}
expect_code() {  # expect_code CODE TRANSCRIPT WHAT
  grep -q "^<[-~*]* *$1 " <<<"$2" || fail "$3: expected $1 in:"$'\n'"$2"$'\n'"roost log:"$'\n'"$(cat "$t/roost.log")"
}

ehlo=$(swaks --server "127.0.0.1:$port" --quit-after EHLO 2>&1 || true)
grep -q "250-AUTH PLAIN LOGIN" <<<"$ehlo" || fail "Postfix does not offer Roost's mechanisms:"$'\n'"$ehlo"

expect_code 235 "$(login PLAIN alice@example.com 'correct horse')" "AUTH PLAIN, right password"
expect_code 235 "$(login LOGIN alice@example.com 'correct horse')" "AUTH LOGIN, right password"
expect_code 535 "$(login PLAIN alice@example.com 'wrong horse')" "AUTH PLAIN, wrong password"
expect_code 535 "$(login LOGIN alice@example.com 'wrong horse')" "AUTH LOGIN, wrong password"
expect_code 535 "$(login PLAIN nobody@example.com 'correct horse')" "AUTH PLAIN, unknown user"
# Upper case is folded by auth_username_format (%Lu), as Dovecot does.
expect_code 235 "$(login PLAIN Alice@Example.COM 'correct horse')" "AUTH PLAIN, mixed-case user"

grep -q "user=<alice@example.com> service=smtp rip=127.0.0.1 mech=PLAIN: ok" "$t/roost.log" ||
  fail "roost logged no successful login:"$'\n'"$(cat "$t/roost.log")"
grep -q "user=<alice@example.com> service=smtp rip=127.0.0.1 mech=LOGIN: failed" "$t/roost.log" ||
  fail "roost logged no failed LOGIN naming the user"
echo "postfix_sasl_test: PASS"
