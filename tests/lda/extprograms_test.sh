#!/usr/bin/env bash
# roost-lda with Pigeonhole's sieve_extprograms plugin configured as its documentation shows
# (sieve_plugins, sieve_global_extensions, sieve_*_bin_dir): a global script pipes, filters
# and executes programs from the bin directories. Checked on disk: what the pipe program got
# (message, arguments untouched by any shell, environment), the filtered message in the
# Maildir, a folder chosen by execute :output, failures (75 unless :try, a timeout kills the
# program), and a personal script that may not use the extensions.
# Usage: extprograms_test.sh ROOST-LDA ROOST
set -euo pipefail
# shellcheck source=../lib/passwd_file_dbs.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/passwd_file_dbs.sh"
lda=$(realpath "$1"); roost=$(realpath "$2")
fail() { echo "extprograms_test: FAIL: $*" >&2; exit 1; }
t=$(mktemp -d); trap '[[ ${KEEP:-} == 1 ]] && echo "kept $t" || rm -rf "$t"' EXIT

home=$t/home/alice
mkdir -p "$home/sieve" "$t/global" "$t/pipe-bin" "$t/filter-bin" "$t/execute-bin"
printf 'alice@example.com:%s::::%s::\n' "$("$roost" pw -s PLAIN -p x)" "$home" > "$t/users"
program() {  # program DIR NAME BODY
  printf '#!/bin/sh\n%s\n' "$3" > "$t/$1/$2"
  chmod +x "$t/$1/$2"
}
program pipe-bin record "cat > $t/piped
printf '%s\n' \"\$@\" > $t/piped-args
printf 'SENDER=%s RECIPIENT=%s USER=%s HOME=%s\n' \"\$SENDER\" \"\$RECIPIENT\" \"\$USER\" \"\$HOME\" > $t/piped-env"
program pipe-bin refuse 'cat > /dev/null; exit 1'
program pipe-bin sleeper "sleep 30; touch $t/slept"
program filter-bin subject-tag "sed 's/^Subject: /Subject: [tagged] /'"
program execute-bin lookup 'read -r sender; case "$sender" in boss@*) printf Boss;; *) exit 1;; esac'
# Outside the bin directories: never reachable by name.
program global outside "touch $t/outside-ran"

cat > "$t/dovecot.conf" <<CONF
mail_location = maildir:~/Maildir
postmaster_address = postmaster@example.com
sendmail_path = /bin/false
$(passwd_file_dbs "$t/users")
protocol lda {
  lda_mailbox_autocreate = yes
}
plugin {
  sieve = file:~/sieve;active=~/.dovecot.sieve
  sieve_before = $t/global
  sieve_plugins = sieve_extprograms
  sieve_global_extensions = +vnd.dovecot.pipe +vnd.dovecot.filter +vnd.dovecot.execute
  sieve_pipe_bin_dir = $t/pipe-bin
  sieve_filter_bin_dir = $t/filter-bin
  sieve_execute_bin_dir = $t/execute-bin
  sieve_pipe_exec_timeout = 2s
}
CONF
cat > "$t/global/10-programs.sieve" <<'SIEVE'
require ["vnd.dovecot.pipe", "vnd.dovecot.filter", "vnd.dovecot.execute", "variables",
         "fileinto", "copy"];
if header :contains "subject" "pipe me" {
  pipe "record" ["arg one", "$(touch pwned); *", "--x"];
  stop;
}
if header :contains "subject" "pipe copy" { pipe :copy "record"; stop; }
if header :contains "subject" "try refused" { pipe :try "refuse"; stop; }
if header :contains "subject" "refused" { pipe "refuse"; stop; }
if header :contains "subject" "slow" { pipe "sleeper"; stop; }
if header :contains "subject" "filter me" {
  if filter "subject-tag" { fileinto "Tagged"; }
  stop;
}
if header :contains "subject" "sort me" {
  if address :matches "from" "*" { set "from" "${1}"; }
  if execute :input "${from}" :output "folder" "lookup" { fileinto "${folder}"; }
  stop;
}
if header :contains "subject" "escape" { pipe "outside"; stop; }
SIEVE
: > "$home/sieve/main.sieve"
ln -s sieve/main.sieve "$home/.dovecot.sieve"

deliver() {  # deliver EXPECTED_EXIT < message
  local rc=0
  "$lda" -c "$t/dovecot.conf" -d alice@example.com -f sender@example.net "${@:2}" \
    2>>"$t/lda.log" || rc=$?
  [[ $rc -eq $1 ]] || fail "roost-lda exited $rc, not $1: $(tail -3 "$t/lda.log")"
}
count() { find "$home/Maildir/$1/new" "$home/Maildir/$1/cur" -type f 2>/dev/null | wc -l; }
msg() { printf 'From: %s\r\nTo: alice@example.com\r\nSubject: %s\r\n\r\nbody\r\n' "$1" "$2"; }

# pipe: the program gets the message (CRLF, sieve_pipe_input_eol's default), the arguments
# as given, Pigeonhole's environment; the message is not kept.
msg friend@example.net "pipe me" | deliver 0
grep -q $'^Subject: pipe me\r$' "$t/piped" || fail "the pipe program did not get the message: $(cat "$t/piped")"
[[ "$(cat "$t/piped-args")" == $'arg one\n$(touch pwned); *\n--x' ]] || fail "arguments: $(cat "$t/piped-args")"
[[ ! -e pwned && ! -e "$t/pwned" ]] || fail "an argument reached a shell"
grep -q "SENDER=sender@example.net RECIPIENT=alice@example.com USER=alice@example.com HOME=$home" \
  "$t/piped-env" || fail "environment: $(cat "$t/piped-env")"
[[ $(count .) -eq 0 ]] || fail "a piped message was also kept"
msg friend@example.net "pipe copy" | deliver 0
[[ $(count .) -eq 1 ]] || fail "pipe :copy did not keep the message"

# A failing program is a temporary failure (nothing stored, the MTA retries) unless :try.
msg friend@example.net "refused" | deliver 75
[[ $(count .) -eq 1 ]] || fail "a failed pipe stored the message"
grep -q "failed to pipe message to program 'refuse'" "$t/lda.log" || fail "no pipe failure logged"
msg friend@example.net "try refused" | deliver 0
[[ $(count .) -eq 2 ]] || fail "a failed pipe :try cancelled the implicit keep"

# sieve_pipe_exec_timeout: killed after 2 s, with what it started.
start=$(date +%s)
msg friend@example.net "slow" | deliver 75
(( $(date +%s) - start < 15 )) || fail "the timeout did not stop the program"
sleep 1
[[ ! -e $t/slept ]] || fail "the timed-out program went on running"

# filter: the stored message is the program's output.
msg friend@example.net "filter me" | deliver 0
[[ $(count .Tagged) -eq 1 ]] || fail "filter as a test was not true"
grep -rq "^Subject: \[tagged\] filter me" "$home/Maildir/.Tagged" || fail "the stored message is not the filtered one"

# execute :input ... :output: the program's answer picks the folder; a false result files nothing.
msg boss@example.com "sort me" | deliver 0
[[ $(count .Boss) -eq 1 ]] || fail "execute :output did not set the folder"
before=$(count .)
msg friend@example.net "sort me" | deliver 0
[[ $(count .) -eq $((before + 1)) ]] || fail "a false execute did not leave the message to the keep"

# Only names inside the bin directory: a program elsewhere is unknown.
msg friend@example.net "escape" | deliver 75
[[ ! -e $t/outside-ran ]] || fail "a program outside the bin directory ran"

# The extensions are global only: a personal script may not require them.
printf 'require "vnd.dovecot.pipe";\npipe "record";\n' > "$home/sieve/main.sieve"
before=$(count .)
msg friend@example.net "personal" | deliver 0
[[ $(count .) -eq $((before + 1)) ]] || fail "a personal script's failed pipe lost the message"
grep -q "vnd.dovecot.pipe" "$home/.dovecot.sieve.log" || fail "no error in the user's log: $(cat "$home/.dovecot.sieve.log" 2>/dev/null)"

# Without sieve_plugins the extensions do not exist: the global script fails to compile and
# the message is kept.
before=$(count .)
: > "$home/sieve/main.sieve"
msg friend@example.net "pipe me" | deliver 0 -o plugin/sieve_plugins=
[[ $(count .) -eq $((before + 1)) ]] || fail "without the plugin the message was not kept"
echo "extprograms_test: PASS"
