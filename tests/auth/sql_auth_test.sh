#!/usr/bin/env bash
# The sql passdb/userdb against a real MariaDB: a private server on a loopback port, the
# seed's vmaildb schema with one user per password scheme, and the seed's
# dovecot-sql.conf.ext pointed at it. auth_sql_integration_test then does the lookups in one
# process, stopping and restarting the server itself to show recovery without a restart.
#
# With ROOST, the seeds' own dovecot.conf + conf.d (only the dovecot-sql.conf.ext path
# changed) then drives `roost auth test` / `roost user` end to end, SQL outage included.
#
#   sql_auth_test.sh INTEGRATION_TEST_BINARY SOURCE_DIR [ROOST]
# Exit 77 (skipped) only for a non-root user without mariadbd; as root (CI) it always runs.
set -euo pipefail

test_binary=${1:?usage: $0 INTEGRATION_TEST_BINARY SOURCE_DIR}
src=${2:?usage: $0 INTEGRATION_TEST_BINARY SOURCE_DIR}
roost=${3:-}
helper=$src/tests/lib/private_mariadb.sh
# shellcheck source=../lib/private_mariadb.sh
source "$helper"

if ! _private_mariadb_bin mariadbd >/dev/null; then
  if ((EUID != 0)); then
    echo "SKIP: mariadbd is not installed (apt-get install mariadb-server)"
    exit 77
  fi
  echo "FAIL: mariadbd is not installed; CI runs as root and must have mariadb-server" >&2
  exit 1
fi

dir=$(mktemp -d /tmp/roost-sql-test.XXXXXX)
cleanup() {
  private_mariadb_stop "$dir" || true
  rm -rf "$dir"
}
trap cleanup EXIT

private_mariadb_init "$dir"
private_mariadb_start "$dir"
private_mariadb_sql "$dir" <"$src/tests/fixtures/mariadb/vmaildb.sql"
private_mariadb_sql "$dir" <"$src/tests/fixtures/mariadb/vmaildb-test-users.sql"

sed "s/ port=3306 / port=$MARIADB_PORT /" "$src/tests/fixtures/dovecot/dovecot-sql.conf.ext" \
  >"$dir/dovecot-sql.conf.ext"
grep -q "port=$MARIADB_PORT " "$dir/dovecot-sql.conf.ext" || {
  echo "FAIL: the fixture's connect line no longer has ' port=3306 '" >&2
  exit 1
}

# The seed's account can read the table the way the driver will.
private_mariadb_sql "$dir" -N -e "SELECT COUNT(*) FROM vmaildb.mailbox" | grep -qx 9

ROOST_SQL_CONF=$dir/dovecot-sql.conf.ext \
ROOST_SQL_PORT=$MARIADB_PORT \
ROOST_MARIADB_STOP="bash '$helper' stop '$dir'" \
ROOST_MARIADB_START="bash '$helper' start '$dir'" \
  "$test_binary" --gtest_brief=1

[[ -n $roost ]] || exit 0
# --- The seeds' configuration, as an admin would point Roost at it.
cp -r "$src/tests/fixtures/dovecot" "$dir/etc"
sed -i "s|args = /etc/dovecot/dovecot-sql.conf.ext|args = $dir/dovecot-sql.conf.ext|" \
  "$dir/etc/conf.d/auth-sql.conf.ext"
grep -q "$dir/dovecot-sql.conf.ext" "$dir/etc/conf.d/auth-sql.conf.ext" || {
  echo "FAIL: the fixture's auth-sql.conf.ext no longer names /etc/dovecot/dovecot-sql.conf.ext" >&2
  exit 1
}
conf=$dir/etc/dovecot.conf
fail() { echo "FAIL: $*" >&2; exit 1; }
run() {  # run EXPECTED_EXIT ARGS... -> output; fails unless the exit status matches
  local out rc=0
  out=$("$roost" "${@:2}" -c "$conf" 2>&1) || rc=$?
  [[ $rc -eq $1 ]] || fail "roost ${*:2} exited $rc, not $1:"$'\n'"$out"
  printf '%s\n' "$out"
}
out=$(run 0 auth test sha512@example.com pw-SHA512-CRYPT)
grep -qxF "  userdb_home=/var/spool/mail/example.com" <<<"$out" || fail "no userdb_home from password_query: $out"
grep -qxF "  home=/var/spool/mail/example.com/sha512" <<<"$out" || fail "static userdb home: $out"
run 0 auth test blf@example.com pw-BLF-CRYPT >/dev/null
run 0 auth test Plain@Example.ORG pw-PLAIN >/dev/null  # %Lu: the query sees plain@example.org
run 77 auth test sha512@example.com pw-wrong >/dev/null
out=$(run 77 auth test inactive@example.com pw-PLAIN)
grep -q "unknown user" <<<"$out" || fail "an inactive user must look unknown: $out"
# The username chars refuse a quote before SQL sees it (the driver's escaping is tested above).
run 77 auth test "admin@example.com' OR '1'='1" admin >/dev/null
# SQL down: a clear temporary failure (exit 75), not "wrong password".
bash "$helper" stop "$dir"
out=$(run 75 auth test sha512@example.com pw-SHA512-CRYPT)
grep -q "cannot connect" <<<"$out" || fail "the temporary failure does not say why: $out"
bash "$helper" start "$dir"
run 0 auth test sha512@example.com pw-SHA512-CRYPT >/dev/null
echo "roost auth test over the seeds' configuration: PASS"
