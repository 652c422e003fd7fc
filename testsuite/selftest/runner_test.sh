#!/usr/bin/env bash
# End-to-end checks of the testsuite runner's command line, output and exit codes
# (testsuite-spec §2): what a person or CI script sees.
set -uo pipefail
bin="$1/testsuite"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0
check() {  # check NAME EXPECTED_STATUS PATTERN_IN_OUTPUT -- CMD...
  local name=$1 want=$2 pattern=$3
  shift 4
  local out status
  out=$("$@" 2>&1)
  status=$?
  if [[ $status -ne $want ]]; then
    echo "FAIL $name: exit $status, wanted $want"; echo "$out" | sed 's/^/   | /'; fails=$((fails + 1))
  elif ! grep -qE -- "$pattern" <<<"$out"; then
    echo "FAIL $name: output lacks /$pattern/"; echo "$out" | sed 's/^/   | /'; fails=$((fails + 1))
  else
    echo "ok   $name"
  fi
}
one_line() {  # the error is exactly one line on stderr and nothing crashed
  local name=$1 want=$2
  shift 2
  local err status
  err=$("$@" 2>&1 >/dev/null)
  status=$?
  if [[ $status -ne $want || $(wc -l <<<"$err") -ne 1 ]]; then
    echo "FAIL $name: exit $status (wanted $want), stderr:"; echo "$err" | sed 's/^/   | /'
    fails=$((fails + 1))
  else
    echo "ok   $name: $err"
  fi
}

check "help" 0 "^Usage: testsuite" -- "$bin" --help
check "--help lists -F" 0 "-F +expect failure" -- "$bin" --help
one_line "-h is not an option (Pigeonhole's testsuite has none)" 64 "$bin" -h
one_line "no file" 64 "$bin"
one_line "unknown option" 64 "$bin" --frob x.svtest
one_line "missing file" 89 "$bin" "$work/nope.svtest"
head -c 300 /dev/urandom > "$work/binary.svtest"
printf '\0' >> "$work/binary.svtest"
one_line "binary file" 1 "$bin" "$work/binary.svtest"
one_line "text that is not a test script" 1 "$bin" "$here/../../README.md"
one_line "syntax error" 1 "$bin" "$here/syntax-error.svtest"
check "syntax error names line and column" 1 "syntax-error: line [0-9]+, column [0-9]+: error: " -- \
  "$bin" "$here/syntax-error.svtest"
check "compile failure summary" 1 "FAIL: 1 of 0 tests failed" -- "$bin" "$here/syntax-error.svtest"
check "compile failure under -F passes" 0 "PASS: 1 tests failed \(expected to fail\)" -- \
  "$bin" -F "$here/syntax-error.svtest"

out=$("$bin" "$here/failing.svtest" 2>&1); status=$?
expected=$'Test case: '"$here"$'/failing.svtest:\n\n 1: Test \'first fails\' FAILED: on purpose\n 2: Test \'second passes\' SUCCEEDED\n 3: Test \'third fails on a missing SMTP message\' FAILED: no outgoing SMTP message with index 0\n\nFAIL: 2 of 3 tests failed.'
if [[ $status -eq 1 && "$out" == "$expected" ]]; then
  echo "ok   failing file: exact output, exit 1"
else
  echo "FAIL failing file: exit $status, output:"; echo "$out" | sed 's/^/   | /'
  echo "   wanted:"; echo "$expected" | sed 's/^/   | /'; fails=$((fails + 1))
fi
check "-F: only some failed" 1 "FAIL: Only 2 of 3 tests failed \(all expected to fail\)" -- \
  "$bin" -F "$here/failing.svtest"
check "-d dumps the test script" 1 "\(test end\)" -- "$bin" -d - "$here/failing.svtest"

if [[ $fails -gt 0 ]]; then echo "$fails check(s) failed"; exit 1; fi
echo "all runner checks passed"
