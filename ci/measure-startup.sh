#!/usr/bin/env bash
# Start-up measurement (docs/performance.md, "Start-up"): runs each command ROUNDS times,
# interleaved (one run of each per round, so a change in machine load hits all alike), and prints
# per command the median and min of wall, user and system seconds.
# Usage: ci/measure-startup.sh ROUNDS 'label|command' ['label|command' ...]
set -euo pipefail
rounds=$1
shift
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
TIMEFORMAT='%R %U %S'
for ((r = 0; r < rounds; r++)); do
  i=0
  for spec in "$@"; do
    { time bash -c "${spec#*|}" >/dev/null 2>&1; } 2>>"$out/$i"
    i=$((i + 1))
  done
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
printf '%-44s %6s %6s %6s %6s %6s\n' command "wall" "min" "user" "sys" "cpu"
i=0
for spec in "$@"; do
  f="$out/$i"
  printf '%-44s %6.2f %6.2f %6.2f %6.2f %6.2f\n' "${spec%%|*}" "$(cut -d' ' -f1 "$f" | median)" "$(cut -d' ' -f1 "$f" | sort -n | head -1)" \
    "$(cut -d' ' -f2 "$f" | median)" "$(cut -d' ' -f3 "$f" | median)" "$(awk '{ print $2 + $3 }' "$f" | median)"
  i=$((i + 1))
done
