#!/usr/bin/env bash
# Compares compile time of Roost's sievec with Pigeonhole's /usr/bin/sievec on generated
# 2,000- and 20,000-rule scripts (best of 3 runs each). Builds nothing: expects
#   ${BUILD_DIR:-build}/sievec/sievec and ${BUILD_DIR:-build}/bench/sieve-gen-script.
# Exits non-zero if any compile fails.
set -euo pipefail

BUILD_DIR=${BUILD_DIR:-build}
ROOST_SIEVEC=$BUILD_DIR/sievec/sievec
GEN=$BUILD_DIR/bench/sieve-gen-script
PIGEONHOLE_SIEVEC=/usr/bin/sievec
RUNS=3
SIZES=(2000 20000)

for tool in "$ROOST_SIEVEC" "$GEN"; do
  if [[ ! -x $tool ]]; then
    echo "compare-sievec: missing $tool (build it first: cmake --build $BUILD_DIR)" >&2
    exit 2
  fi
done

if [[ ! -x $PIGEONHOLE_SIEVEC ]]; then
  echo "compare-sievec: installing Pigeonhole (dovecot-sieve dovecot-core)" >&2
  SUDO=
  [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq dovecot-sieve dovecot-core >&2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Standalone Dovecot config for Pigeonhole's sievec: only the size limit (the 20,000-rule
# script is over the 1M default). sievec needs no running dovecot, mail storage or user
# switching for a plain compile, so this works as root and as any other user.
cat > "$tmp/dovecot.conf" <<'CONF'
plugin {
  sieve_max_script_size = 0
}
CONF

now_ns() { date +%s%N; }

# best_of CMD... : runs CMD $RUNS times, prints the best wall time in seconds; fails on error.
best_of() {
  local best= start end t
  for ((r = 0; r < RUNS; r++)); do
    start=$(now_ns)
    if ! "$@" > "$tmp/last.log" 2>&1; then
      echo "compare-sievec: FAILED: $*" >&2
      sed 's/^/  | /' "$tmp/last.log" | head -20 >&2
      return 1
    fi
    end=$(now_ns)
    t=$((end - start))
    if [[ -z $best || $t -lt $best ]]; then best=$t; fi
  done
  awk -v ns="$best" 'BEGIN { printf "%.3f", ns / 1e9 }'
}

status=0
results=()
for n in "${SIZES[@]}"; do
  script=$tmp/rules$n.sieve
  "$GEN" "$n" > "$script"
  roost=$(best_of "$ROOST_SIEVEC" -o sieve_max_script_size=0 "$script" "$tmp/roost$n.svbin") ||
    { status=1; roost=FAIL; }
  pigeon=$(best_of "$PIGEONHOLE_SIEVEC" -c "$tmp/dovecot.conf" "$script" "$tmp/pigeon$n.svbin") ||
    { status=1; pigeon=FAIL; }
  results+=("$n $roost $pigeon")
done

printf '%-8s %10s %14s %8s\n' rules roost_s pigeonhole_s ratio
for row in "${results[@]}"; do
  read -r n roost pigeon <<< "$row"
  if [[ $roost == FAIL || $pigeon == FAIL ]]; then
    ratio=n/a
  else
    ratio=$(awk -v a="$roost" -v b="$pigeon" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "inf" }')
  fi
  printf '%-8s %10s %14s %8s\n' "$n" "$roost" "$pigeon" "$ratio"
done
echo "(ratio = roost_s / pigeonhole_s; >1 means Roost is slower)"
exit $status
