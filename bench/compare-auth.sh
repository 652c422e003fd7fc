#!/usr/bin/env bash
# Yardstick for the auth figures: logins per second of `roost serve` and of Dovecot 2.3 from
# Debian (its own auth service, with dovecot-mysql for the sql driver), driven by the same load
# client (bench/auth_load: Dovecot's auth client protocol on the UNIX socket, AUTH PLAIN with
# several requests outstanding per connection) against the SAME passwd-file and the SAME
# MariaDB table of USERS users (u<N>@bench.test, password p<N>, {SSHA256}), each
#   cold: auth_cache_size = 0, every login reads the database;
#   warm: auth_cache_size = 10M, every user logged in once before the timed run.
# Each server is started fresh for each case. Every password is right, so auth_failure_delay
# never applies. Then auth_bench's in-process MySQL benchmarks run against the same table.
# Usage: bench/compare-auth.sh BUILD_DIR [SECONDS [USERS]]
set -euo pipefail
build=$(realpath "${1:?usage: $0 BUILD_DIR [SECONDS [USERS]]}")
seconds=${2:-10}
users=${3:-10000}
src=$(realpath "$(dirname "$0")/..")
roost=$build/roost/roost
load=$build/bench/auth_load
for tool in "$roost" "$load" "$build/bench/auth_bench"; do
  [[ -x $tool ]] || { echo "compare-auth: $tool not built" >&2; exit 1; }
done
[[ -e /usr/lib/dovecot/modules/auth/libdriver_mysql.so ]] || {
  echo "compare-auth: Dovecot's sql driver is missing (apt-get install dovecot-mysql)" >&2
  exit 1
}
# shellcheck source=../tests/lib/private_mariadb.sh
source "$src/tests/lib/private_mariadb.sh"

tmp=$(mktemp -d /tmp/roost-compare-auth.XXXXXX)
chmod 755 "$tmp"  # Dovecot's auth process runs as its internal user and reads the files here
server_pid=""
stop_server() {
  [[ -n $server_pid ]] || return 0
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
cleanup() {
  stop_server
  private_mariadb_stop "$tmp/mariadb" || true
  if [[ ${KEEP:-} == 1 ]]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

echo "compare-auth: $users users, ${seconds} s per run..."
python3 - "$tmp" "$users" <<'PY'
import base64, hashlib, os, sys
root, n = sys.argv[1], int(sys.argv[2])
def ssha256(password):
    salt = os.urandom(4)
    return "{SSHA256}" + base64.b64encode(hashlib.sha256(password + salt).digest() + salt).decode()
with open(f"{root}/users", "w") as passwd, open(f"{root}/users.sql", "w") as sql:
    sql.write("USE vmaildb;\n")
    for i in range(n):
        user, hashed = f"u{i}@bench.test", ssha256(f"p{i}".encode())
        passwd.write(f"{user}:{hashed}::::::\n")
        sep = "INSERT INTO mailbox (username, password, local_part, domain) VALUES\n" \
            if i % 1000 == 0 else ",\n"
        sql.write(f"{sep}('{user}', '{hashed}', 'u{i}', 'bench.test')")
        if i % 1000 == 999 or i == n - 1:
            sql.write(";\n")
PY

mkdir -p "$tmp/mariadb"
private_mariadb_init "$tmp/mariadb"
private_mariadb_start "$tmp/mariadb"
private_mariadb_sql "$tmp/mariadb" <"$src/tests/fixtures/mariadb/vmaildb.sql"
private_mariadb_sql "$tmp/mariadb" <"$tmp/users.sql"
sed "s/ port=3306 / port=$MARIADB_PORT /" "$src/tests/fixtures/dovecot/dovecot-sql.conf.ext" \
  >"$tmp/dovecot-sql.conf.ext"
grep -q "port=$MARIADB_PORT " "$tmp/dovecot-sql.conf.ext"
chmod 644 "$tmp/dovecot-sql.conf.ext" "$tmp/users"

internal=$(id -un)
login=$internal
if ((EUID == 0)); then internal=dovecot; login=dovenull; fi

# write_conf DIR PASSDB_DRIVER PASSDB_ARGS CACHE_SIZE: one configuration both servers read.
write_conf() {
  local dir=$1
  rm -rf "$dir"
  mkdir -p "$dir/run" "$dir/state"
  chmod 755 "$dir"
  cat >"$dir/dovecot.conf" <<CONF
protocols =
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
auth_cache_size = $4
default_internal_user = $internal
default_login_user = $login
passdb {
  driver = $2
  args = $3
}
userdb {
  driver = static
  args = uid=1000 gid=1000 home=/var/spool/mail/%d/%n
}
service auth {
  unix_listener $dir/auth-client {
    mode = 0666
  }
}
CONF
}

wait_socket() {
  for _ in $(seq 100); do
    [[ -S $1 ]] && return 0
    sleep 0.1
  done
  echo "compare-auth: no socket $1; log:" >&2
  tail -20 "$2" >&2
  return 1
}

# run_case NAME DRIVER ARGS CACHE_SIZE [--prime]: one line per server into $tmp/results.
run_case() {
  local name=$1 driver=$2 args=$3 cache=$4 prime=${5:-} dir out
  for server in roost dovecot; do
    dir=$tmp/$server
    write_conf "$dir" "$driver" "$args" "$cache"
    if [[ $server == roost ]]; then
      "$roost" serve -c "$dir/dovecot.conf" 2>"$dir/roost.log" &
      server_pid=$!
      wait_socket "$dir/auth-client" "$dir/roost.log"
    else
      /usr/sbin/dovecot -F -c "$dir/dovecot.conf" &
      server_pid=$!
      wait_socket "$dir/auth-client" "$dir/dovecot.log"
    fi
    # shellcheck disable=SC2086  # $prime is one option or none
    out=$("$load" --socket "$dir/auth-client" --users "$users" --duration "$seconds" $prime) || {
      echo "compare-auth: $server, $name: auth_load failed: $out" >&2
      tail -5 "$dir"/*.log >&2
      exit 1
    }
    stop_server
    echo "  $server $name: ${out##*$'\n'}"
    printf '%s\t%s\t%s\n' "$name" "$server" "$(awk '/auths\/s/ { print $1 }' <<<"$out")" \
      >>"$tmp/results"
  done
}

run_case "passwd-file cold" passwd-file "$tmp/users" 0
run_case "passwd-file warm" passwd-file "$tmp/users" 10M --prime
run_case "MySQL cold" sql "$tmp/dovecot-sql.conf.ext" 0
run_case "MySQL warm" sql "$tmp/dovecot-sql.conf.ext" 10M --prime

echo
echo "logins/s (AUTH PLAIN, {SSHA256}, $users users, auth_load: 4 connections x 8 pipelined)"
awk -F'\t' '
  { rate[$1, $2] = $3; if (!($1 in seen)) { seen[$1] = 1; order[n++] = $1 } }
  END {
    printf "%-18s %10s %10s %8s\n", "case", "roost", "dovecot", "ratio"
    for (i = 0; i < n; i++) {
      c = order[i]
      printf "%-18s %10d %10d %7.2fx\n", c, rate[c, "roost"], rate[c, "dovecot"],
             rate[c, "roost"] / rate[c, "dovecot"]
    }
  }' "$tmp/results"

echo
echo "in process (auth_bench, MySQL on the same table):"
ROOST_BENCH_SQL_CONF=$tmp/dovecot-sql.conf.ext ROOST_BENCH_SQL_USERS=$users \
  "$build/bench/auth_bench" --benchmark_filter=mysql 2>&1 | grep BM_Login
