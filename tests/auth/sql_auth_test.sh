#!/usr/bin/env bash
# The sql passdb/userdb against a real MariaDB: a private server on a loopback port, the
# seed's vmaildb schema with one user per password scheme, and the seed's
# dovecot-sql.conf.ext pointed at it. auth_sql_integration_test then does the lookups in one
# process, stopping and restarting the server itself to show recovery without a restart.
#
#   sql_auth_test.sh INTEGRATION_TEST_BINARY SOURCE_DIR
# Exit 77 (skipped) only for a non-root user without mariadbd; as root (CI) it always runs.
set -euo pipefail

test_binary=${1:?usage: $0 INTEGRATION_TEST_BINARY SOURCE_DIR}
src=${2:?usage: $0 INTEGRATION_TEST_BINARY SOURCE_DIR}
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
