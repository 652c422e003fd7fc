# A private Postfix instance on loopback for tests (source this file; needs root):
#   private_postfix_start DIR PORT [MAIN_CF_LINES]  queue under DIR/spool, smtpd on PORT,
#                                                   Debian's master.cf without chroot
#   private_postfix_stop DIR
# The log (maillog_file = /dev/stdout of `postfix start-fg`) is DIR/postfix.log. `postfix
# start` is not used: its `postfix check` refuses a queue outside /var/spool.

private_postfix_start() {
  local dir=$1 port=$2 extra=${3:-}
  local queue=$dir/spool
  chmod 755 "$dir"  # the daemons run as postfix and must reach the queue
  mkdir -p "$dir/etc" "$queue/private" "$queue/public" "$queue/pid" "$dir/data"
  chown postfix "$queue/private" "$queue/public" "$dir/data"
  chgrp postdrop "$queue/public"
  cat > "$dir/etc/main.cf" <<CONF
compatibility_level = 3.6
queue_directory = $queue
data_directory = $dir/data
mail_owner = postfix
setgid_group = postdrop
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = mail.example.test
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
biff = no
maillog_file = /dev/stdout
$extra
CONF
  awk -v port="$port" '
    /^smtp[ \t]+inet/ { print "127.0.0.1:" port " inet n - n - - smtpd"; next }
    /^[a-z]/ && NF >= 8 && $5 == "y" { $5 = "n" }
    { print }' /usr/share/postfix/master.cf.dist > "$dir/etc/master.cf"
  /usr/sbin/postfix -c "$dir/etc" start-fg > "$dir/postfix.log" 2>&1 &
  echo $! > "$dir/postfix.pid"
  echo "$port" > "$dir/postfix.port"
  for _ in $(seq 100); do
    (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    kill -0 "$(cat "$dir/postfix.pid")" 2>/dev/null || break
    sleep 0.1
  done
  echo "private_postfix: did not start: $(cat "$dir/postfix.log")" >&2
  return 1
}

private_postfix_stop() {
  local dir=$1 pid="" port=""
  if [[ -f $dir/postfix.pid ]]; then pid=$(cat "$dir/postfix.pid"); fi
  if [[ -f $dir/postfix.port ]]; then port=$(cat "$dir/postfix.port"); fi
  timeout 20 /usr/sbin/postfix -c "$dir/etc" stop >/dev/null 2>&1 || true
  if [[ -n $pid ]]; then
    for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    # Callable under set -e: the stopped master's exit status (143) is no failure.
    wait "$pid" 2>/dev/null || true
  fi
  # An smtpd of the old master can hold the listening socket a moment longer: a restart
  # must not take its answer for the new master's (CI saw "connection refused" right after).
  if [[ -n $port ]]; then
    for _ in $(seq 100); do
      (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
      sleep 0.1
    done
  fi
  return 0
}
