# Sourced by the tests and benchmarks that run a real Dovecot 2.3 (Debian's dovecot-imapd) as
# the reference: a private IMAP instance on a free loopback port with its own base_dir, log and
# a static passdb (any user, password "secret"), installed when missing.
#
#   private_dovecot_start DIR MAILDIR HOME
#     writes DIR/dovecot.conf, starts Dovecot with mail_location = maildir:MAILDIR and waits
#     until it listens; sets DOVECOT_PORT and DOVECOT_PID. As root the mail belongs to nobody
#     (Dovecot never runs mail processes as root): MAILDIR and HOME are handed to it.
#   private_dovecot_stop
#   private_dovecot_install   installs dovecot-imapd when missing (needs root)

private_dovecot_install() {
  [[ -x /usr/sbin/dovecot && -x /usr/lib/dovecot/imap ]] && return 0
  if ((EUID != 0)); then
    echo "private_dovecot: needs dovecot-imapd (apt-get install dovecot-imapd) or root" >&2
    return 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends dovecot-imapd >/dev/null
}

private_dovecot_start() {
  local dir=$1 maildir=$2 home=$3
  local internal login mail_uid mail_gid
  internal=$(id -un); login=$internal; mail_uid=$(id -u); mail_gid=$(id -g)
  if ((EUID == 0)); then
    internal=dovecot; login=dovenull
    mail_uid=$(id -u nobody); mail_gid=$(id -g nobody)
    chmod 755 "$dir"
    mkdir -p "$maildir" "$home"
    chown -R "$mail_uid:$mail_gid" "$maildir" "$home"
  fi
  mkdir -p "$dir/run" "$dir/state"
  DOVECOT_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  cat > "$dir/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
first_valid_uid = 0
default_internal_user = $internal
default_login_user = $login
mail_location = maildir:$maildir
passdb {
  driver = static
  args = password=secret
}
userdb {
  driver = static
  args = uid=$mail_uid gid=$mail_gid home=$home
}
service imap-login {
  inet_listener imap {
    port = $DOVECOT_PORT
  }
  chroot =
}
service anvil {
  chroot =
}
CONF
  /usr/sbin/dovecot -F -c "$dir/dovecot.conf" &
  DOVECOT_PID=$!
  for _ in $(seq 100); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $DOVECOT_PORT), 0.2)" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "private_dovecot: Dovecot did not start listening; its log:" >&2
  tail -20 "$dir/dovecot.log" >&2
  return 1
}

private_dovecot_stop() {
  [[ -n "${DOVECOT_PID:-}" ]] || return 0
  kill "$DOVECOT_PID" 2>/dev/null || true
  wait "$DOVECOT_PID" 2>/dev/null || true
  DOVECOT_PID=""
}
