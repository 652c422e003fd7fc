#!/usr/bin/env bash
# End-to-end checks of sievec, sieve-dump and sieve-test as an admin uses them: help and exit
# codes, the Pigeonhole example scripts, config files, JSON diagnostics, corrupt binaries.
# Usage: tools_test.sh BIN_DIR REPO_ROOT
set -uo pipefail
bin=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

check() {  # check NAME COMMAND... : the command must succeed
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name"
  fi
}

rc_of() { "$@" >"$work/out" 2>"$work/err"; echo $?; }

for tool in sievec sieve-dump sieve-test; do
  check "$tool --help exits 0" test "$(rc_of "$bin/$tool" --help)" = 0
  check "$tool --help prints usage" grep -q "^Usage: $tool" "$work/out"
  check "$tool bad option exits 64" test "$(rc_of "$bin/$tool" --no-such-option x y)" = 64
done

# The Pigeonhole examples: those written in this build's language compile and dump; the
# others name the extension that is missing. Since vacation landed, all eleven compile.
compiling=" elvey.sieve jerry.sieve mjohnson.sieve mklose.sieve relational.rfc5231.sieve rfc3028.sieve sanjay.sieve sieve_examples.sieve subaddress.rfc5233.sieve vacation.sieve vivil.sieve "
examples="$root/../shared/conformance/pigeonhole/examples"
if [ -d "$examples" ]; then
  cp "$examples"/*.sieve "$work/"
  for script in "$work"/*.sieve; do
    name=$(basename "$script")
    rc=$(rc_of "$bin/sievec" "$script")
    if [[ "$compiling" == *" $name "* ]]; then
      check "$name compiles" test "$rc" = 0
      check "$name dumps" test "$(rc_of "$bin/sieve-dump" "${script%.sieve}.svbin")" = 0
      check "$name dump shows code" grep -q '\[end\]' "$work/out"
      check "$name hex dump" test "$(rc_of "$bin/sieve-dump" -h "${script%.sieve}.svbin")" = 0
    else
      check "$name fails with exit 1" test "$rc" = 1
      check "$name names the unsupported extension" \
        grep -Eq "line [0-9]+: error: require command: unsupported extension '(reject|vacation|regex|subaddress|variables|imap4flags|include|body)'" "$work/err"
    fi
  done
  check "sievec DIR exits 0 when every script compiles" test "$(rc_of "$bin/sievec" "$work")" = 0
  printf 'require "x-no-such-extension";\nkeep;\n' >"$work/zz-broken.sieve"
  check "sievec DIR exits 1 when a script fails" test "$(rc_of "$bin/sievec" "$work")" = 1
  check "sievec DIR names the failing script" grep -q "zz-broken.sieve: line 1: error" "$work/err"
  check "sievec DIR shows progress" grep -q '\[12/12\]' "$work/err"
  rm "$work/zz-broken.sieve"
fi

# Pigeonhole's diagnostic form, every error, and JSON with columns.
printf 'if header :is "a" {\n  frob;\n}\nredirect "bad address";\n' >"$work/bad.sieve"
check "broken script exits 1" test "$(rc_of "$bin/sievec" "$work/bad.sieve")" = 1
check "error names line" grep -q "bad.sieve: line 2: error: unknown command 'frob'" "$work/err"
check "all errors reported" grep -q "line 4: error: specified redirect address 'bad address' is invalid" "$work/err"
rc_of "$bin/sievec" --json "$work/bad.sieve" >/dev/null
check "json has line and column" grep -q '"line":2,"column":3,"severity":"error","message":"unknown command' "$work/out"

# Settings from a Dovecot-style config and from -o take effect.
printf 'plugin {\n  sieve_max_script_size = 10\n}\n' >"$work/dovecot.conf"
printf 'keep;\nkeep;\nkeep;\n' >"$work/small.sieve"
check "sieve_max_script_size from -c" test "$(rc_of "$bin/sievec" -c "$work/dovecot.conf" "$work/small.sieve")" = 1
check "size message" grep -q "script is too large" "$work/err"
check "-o overrides -c" test "$(rc_of "$bin/sievec" -c "$work/dovecot.conf" -o sieve_max_script_size=1M "$work/small.sieve")" = 0
check "-x disables an extension" test "$(rc_of "$bin/sievec" -x -fileinto "$root/demo/filter.sieve" "$work/f.svbin")" = 1
check "unreadable config is a usage error" test "$(rc_of "$bin/sievec" -c "$work/missing.conf" "$work/small.sieve")" = 64

# Corrupt and foreign binaries are refused, never trusted.
"$bin/sievec" "$root/demo/filter.sieve" "$work/filter.svbin"
head -c 40 "$work/filter.svbin" >"$work/trunc.svbin"
check "truncated binary exits 1" test "$(rc_of "$bin/sieve-dump" "$work/trunc.svbin")" = 1
check "truncated binary is called corrupt" grep -q "corrupt" "$work/err"
check "a script is not a binary" test "$(rc_of "$bin/sieve-dump" "$work/small.sieve")" = 1

# sieve-test prints the actions, from source or binary, with the envelope given.
msg="$root/demo/messages/3-invoice.eml"
check "sieve-test runs" test "$(rc_of "$bin/sieve-test" "$work/filter.svbin" "$msg")" = 0
check "sieve-test shows store" grep -q '^ \* store message in folder: Invoices$' "$work/out"
check "sieve-test shows redirect copy" grep -q '^ \* redirect message to: boss@example.com (copy)$' "$work/out"
rc_of "$bin/sieve-test" -r old-alias@example.com "$root/demo/filter.sieve" "$root/demo/messages/4-personal.eml" >/dev/null
check "sieve-test -r drives envelope" grep -q 'Archiv-' "$work/out"
rc_of "$bin/sieve-test" -t - -T level=matching "$root/demo/filter.sieve" "$msg" >/dev/null
check "matching trace" grep -q "with key \`invoice' => 1" "$work/out"
printf 'require "envelope";\nif envelope :is "from" "" { discard; }\n' > "$work/null.sieve"
rc_of "$bin/sieve-test" -f "<>" "$work/null.sieve" "$msg" >/dev/null
check "sieve-test -f '<>' is the null sender" grep -q '^ \* discard$' "$work/out"
rc_of "$bin/sieve-test" -f "<a@example.org>" "$work/null.sieve" "$msg" >/dev/null
check "sieve-test -f with brackets is a sender" sh -c "! grep -q discard '$work/out'"
check "sieve-test -f with brackets keeps" grep -q '^ \* store message in folder: INBOX$' "$work/out"
check "sieve-test compile error exits 1" test "$(rc_of "$bin/sieve-test" "$work/bad.sieve" "$msg")" = 1

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
