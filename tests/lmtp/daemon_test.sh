#!/usr/bin/env bash
# The roost daemon as an init script or an admin drives it (issue 7, design.md §0):
# `roost -c FILE` detaches and returns 0 once it listens, with base_dir/master.pid naming a
# live process; a second start fails with 1 and says why; a broken configuration fails the
# start with 1 and the file:line; SIGHUP reloads (a changed setting takes effect, the pid
# stays); SIGHUP with a broken file is logged and the daemon keeps serving; SIGTERM stops it
# and removes master.pid and its sockets. LMTP answers throughout. Run as root, a delivery to
# a user whose userdb entry names another uid writes files owned by that user.
# Usage: daemon_test.sh ROOST
set -euo pipefail
# shellcheck source=../lib/passwd_file_dbs.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/passwd_file_dbs.sh"
roost=$(realpath "$1")
fail() { echo "daemon_test: FAIL: $*" >&2; [[ -f ${t:-}/roost.log ]] && tail -20 "$t/roost.log" >&2; exit 1; }
t=$(mktemp -d /tmp/roost-daemon.XXXXXX)
sysuser=roostdaemon1
cleanup() {
  local rc=$?
  [[ -f $t/run/master.pid ]] && kill "$(cat "$t/run/master.pid")" 2>/dev/null
  [[ $EUID -eq 0 ]] && userdel "$sysuser" >/dev/null 2>&1
  if [[ ${KEEP:-} == 1 ]]; then echo "kept $t"; else rm -rf "$t"; fi
  exit "$rc"
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$t/home/alice"
echo "alice:{PLAIN}pw:$(id -u):$(id -g)::$t/home/alice::" > "$t/passwd"
if [[ $EUID -eq 0 ]]; then
  chmod 755 "$t" "$t/home"
  userdel "$sysuser" >/dev/null 2>&1 || true
  useradd -M -d "$t/home/sys" -s /usr/sbin/nologin "$sysuser"
  install -d -o "$sysuser" -m 700 "$t/home/sys"
  echo "sys:{PLAIN}pw:$(id -u $sysuser):$(id -g $sysuser)::$t/home/sys::" >> "$t/passwd"
fi
write_conf() {  # write_conf DELIVERY_HEADER
  cat > "$t/roost.conf" <<CONF
base_dir = $t/run
protocols = lmtp
log_path = $t/roost.log
mail_location = maildir:~/Maildir
auth_username_format = %Ln
lmtp_hdr_delivery_address = $1
$(passwd_file_dbs "$t/passwd")
# alice is the caller (root under CI), outside Dovecot's default valid uid/gid range.
first_valid_uid = 0
first_valid_gid = 0
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $port
  }
}
CONF
}
# deliver SUBJECT [USER [SOCKET]]: one message over LMTP (TCP, or the unix SOCKET); prints
# the reply to the message.
deliver() {
  python3 - "$port" "$1" "${2:-alice}" "${3:-}" <<'PY'
import socket, sys
if sys.argv[4]:
    s = socket.socket(socket.AF_UNIX)
    s.settimeout(10)
    s.connect(sys.argv[4])
else:
    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10)
f = s.makefile("rb")
def reply():
    lines = []
    while True:
        line = f.readline().decode().rstrip("\r\n")
        lines.append(line)
        if len(line) < 4 or line[3] != "-":
            return lines
reply()
for cmd in ["LHLO test", "MAIL FROM:<s@example.net>", "RCPT TO:<%s@example.test>" % sys.argv[3], "DATA"]:
    s.sendall((cmd + "\r\n").encode()); reply()
s.sendall(("Subject: %s\r\n\r\nbody\r\n.\r\n" % sys.argv[2]).encode())
print(reply()[-1])
s.sendall(b"QUIT\r\n"); reply()
PY
}
pid_alive() { [[ -f $t/run/master.pid ]] && kill -0 "$(cat "$t/run/master.pid")" 2>/dev/null; }
newest() { ls -t "$t/home/alice/Maildir/new/"* | head -1; }

write_conf final
"$roost" -c "$t/roost.conf" || fail "roost -c exited $? instead of 0"
pid_alive || fail "master.pid missing or not a live process"
pid=$(cat "$t/run/master.pid")
[[ $(ps -o sid= -p "$pid" | tr -d ' ') == "$pid" ]] || fail "daemon did not detach (setsid)"
[[ -S $t/run/lmtp ]] || fail "no unix listener base_dir/lmtp"
[[ $(stat -c %a "$t/run/lmtp") == 666 ]] || fail "base_dir/lmtp mode is $(stat -c %a "$t/run/lmtp"), not 666"
deliver first | grep -q "^250 2.0.0" || fail "first delivery not accepted"
grep -q "^Delivered-To: alice@example.test" "$(newest)" || fail "Delivered-To (final) missing"
deliver "over unix" alice "$t/run/lmtp" | grep -q "^250 2.0.0" || fail "delivery over the unix listener not accepted"
grep -q "^Subject: over unix" "$(newest)" || fail "the message delivered over the unix listener is not in the Maildir"
echo "ok: started, detached, pid $pid, delivered over TCP and the unix listener"
if [[ $EUID -eq 0 ]]; then
  deliver owned sys | grep -q "^250 2.0.0" || fail "delivery to the system user not accepted"
  owners=$(find "$t/home/sys/Maildir" -printf '%u\n' | sort -u)
  [[ $owners == "$sysuser" ]] || fail "files in the user's Maildir owned by: $owners"
  echo "ok: the system user's Maildir and message belong to $sysuser"
fi

set +e
out=$("$roost" -c "$t/roost.conf" 2>&1); rc=$?
set -e
[[ $rc == 1 ]] || fail "second start exited $rc, not 1"
[[ $out == *"already running with pid $pid"* ]] || fail "second start said: $out"
echo "ok: second start refused: $out"

# SIGHUP with a changed setting: the same pid serves with the new value.
write_conf none
kill -HUP "$pid"
for _ in $(seq 50); do [[ $(grep -c "started with" "$t/roost.log") -ge 2 ]] && break; sleep 0.1; done
[[ $(grep -c "started with" "$t/roost.log") -ge 2 ]] || fail "no restart logged after SIGHUP"
[[ $(cat "$t/run/master.pid") == "$pid" ]] || fail "pid changed across SIGHUP"
deliver second | grep -q "^250 2.0.0" || fail "delivery after SIGHUP not accepted"
grep -q "^Delivered-To:" "$(newest)" && fail "lmtp_hdr_delivery_address = none not in effect after SIGHUP"
echo "ok: SIGHUP reloaded (Delivered-To gone), pid unchanged"

# SIGHUP with a broken file: logged, still serving with the running configuration.
echo "this is not a setting" >> "$t/roost.conf"
kill -HUP "$pid"
for _ in $(seq 50); do grep -q "keeping the running one" "$t/roost.log" && break; sleep 0.1; done
grep -q "keeping the running one" "$t/roost.log" || fail "broken configuration on SIGHUP not logged"
grep "keeping the running one" "$t/roost.log" | grep -q "roost.conf:" || fail "the error does not name the file:line"
deliver third | grep -q "^250 2.0.0" || fail "delivery after a failed reload not accepted"
echo "ok: broken reload logged, still serving"

# A broken configuration refuses to start, with the place of the error.
"$roost" -c "$t/roost.conf" -o base_dir="$t/run2" >"$t/out" 2>&1 && fail "started with a broken configuration"
grep -q "roost.conf:" "$t/out" || fail "start error without file:line: $(cat "$t/out")"
# A port in use refuses to start, saying which.
write_conf final
sed -i "s|^base_dir = .*|base_dir = $t/run3|" "$t/roost.conf"
set +e
out=$("$roost" -c "$t/roost.conf" 2>&1); rc=$?
set -e
[[ $rc == 1 && $out == *"$port"* ]] || fail "a taken port: exit $rc, said: $out"
[[ -e $t/run3/master.pid ]] && fail "a failed start left master.pid"
echo "ok: broken configuration and taken port refused with exit 1"

# An idle client (as Postfix caches LMTP connections) gets 421 and does not hold the stop up.
python3 - "$port" "$t/idle.ready" > "$t/idle.out" <<'PY' &
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=20)
f = s.makefile("rb")
f.readline()
s.sendall(b"LHLO idle\r\n")
while f.readline()[3:4] == b"-":
    pass
open(sys.argv[2], "w").close()  # connected and idle: the test may stop the daemon now
print(f.readline().decode().strip(), flush=True)
PY
idle=$!
for _ in $(seq 200); do [[ -e $t/idle.ready ]] && break; sleep 0.05; done
[[ -e $t/idle.ready ]] || fail "the idle client did not get through LHLO"
started=$(date +%s)
kill -TERM "$pid"
for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "still running 10 s after SIGTERM"
[[ $(( $(date +%s) - started )) -le 3 ]] || fail "an idle client held the stop up"
wait "$idle" || true
grep -q "^421 4.3.2" "$t/idle.out" || fail "the idle client got '$(cat "$t/idle.out")', not 421"
[[ -e $t/run/master.pid ]] && fail "master.pid left after SIGTERM"
[[ -e $t/run/lmtp ]] && fail "base_dir/lmtp left after SIGTERM"
[[ $(find "$t/home/alice/Maildir/new" -type f | wc -l) == 4 ]] || fail "expected 4 messages on disk"
echo "ok: SIGTERM stopped it at once (an idle client got 421), removed master.pid and sockets; 4 messages on disk"
echo "daemon_test: PASS"
