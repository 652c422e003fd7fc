# A private MariaDB server for tests: its own datadir, socket, pid file and log under DIR,
# listening on 127.0.0.1 only, on a free port. Works as root (mariadbd runs with --user=root,
# as it refuses root otherwise) and as an ordinary user. Never reads /etc/mysql.
# Everything lives in DIR, so another process (a test binary stopping and restarting the
# server) can drive the same instance.
#
# Sourced:
#   private_mariadb_init DIR     fresh datadir, root@localhost without password, port chosen
#   private_mariadb_start DIR    starts the server and waits until it answers; sets
#                                MARIADB_PORT and MARIADB_SOCKET
#   private_mariadb_stop DIR     clean shutdown, waits for the process to exit
#   private_mariadb_sql DIR ...  the mariadb client as root over the socket (extra args passed)
# Run as a script: private_mariadb.sh {init|start|stop} DIR

_private_mariadb_bin() {
  local name=$1
  command -v "$name" 2>/dev/null || { [[ -x /usr/sbin/$name ]] && echo "/usr/sbin/$name"; } ||
    { [[ -x /usr/bin/$name ]] && echo "/usr/bin/$name"; }
}

# --user is only allowed (and only needed) for root.
_private_mariadb_user_opt() {
  if ((EUID == 0)); then echo "--user=root"; fi
}

private_mariadb_init() {
  local dir=$1 install
  install=$(_private_mariadb_bin mariadb-install-db) || {
    echo "private_mariadb: mariadb-install-db not found (apt-get install mariadb-server)" >&2
    return 1
  }
  mkdir -p "$dir/data" "$dir/tmp"
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' \
    >"$dir/port"
  # shellcheck disable=SC2046  # the --user option is one word or none
  if ! "$install" --no-defaults --datadir="$dir/data" $(_private_mariadb_user_opt) \
      --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
      >"$dir/install.log" 2>&1; then
    echo "private_mariadb: mariadb-install-db failed:" >&2
    tail -20 "$dir/install.log" >&2
    return 1
  fi
}

private_mariadb_sql() {
  local dir=$1
  shift
  mariadb --no-defaults -uroot --socket="$dir/mysqld.sock" "$@"
}

_private_mariadb_ping() {
  mariadb-admin --no-defaults -uroot --socket="$1/mysqld.sock" --connect-timeout=2 ping \
    >/dev/null 2>&1
}

private_mariadb_start() {
  local dir=$1 mariadbd pid
  mariadbd=$(_private_mariadb_bin mariadbd) || {
    echo "private_mariadb: mariadbd not found (apt-get install mariadb-server)" >&2
    return 1
  }
  MARIADB_PORT=$(cat "$dir/port")
  MARIADB_SOCKET=$dir/mysqld.sock
  # Small buffers: tests hold a few rows and the CI machines are shared.
  # shellcheck disable=SC2046
  "$mariadbd" --no-defaults $(_private_mariadb_user_opt) --datadir="$dir/data" \
    --tmpdir="$dir/tmp" --socket="$MARIADB_SOCKET" --pid-file="$dir/mariadbd.pid" \
    --port="$MARIADB_PORT" --bind-address=127.0.0.1 --skip-name-resolve \
    --log-error="$dir/error.log" --innodb-buffer-pool-size=16M --innodb-log-file-size=8M \
    --skip-log-bin --max-connections=50 </dev/null >>"$dir/mariadbd.out" 2>&1 &
  pid=$!
  echo "$pid" >"$dir/started.pid"
  for _ in $(seq 300); do
    _private_mariadb_ping "$dir" && return 0
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "private_mariadb: the server did not come up; its log:" >&2
  tail -30 "$dir/error.log" >&2
  return 1
}

private_mariadb_stop() {
  local dir=$1 pid
  [[ -f "$dir/started.pid" ]] || return 0
  pid=$(cat "$dir/started.pid")
  if kill -0 "$pid" 2>/dev/null; then
    mariadb-admin --no-defaults -uroot --socket="$dir/mysqld.sock" shutdown >/dev/null 2>&1 ||
      kill "$pid" 2>/dev/null || true
    for _ in $(seq 300); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    # A server that ignored the shutdown for 30 s is killed: it is ours and only a test's.
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/started.pid"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  if [[ $# -ne 2 || ! "$1" =~ ^(init|start|stop)$ ]]; then
    echo "usage: $0 init|start|stop DIR" >&2
    exit 2
  fi
  "private_mariadb_$1" "$2"
fi
