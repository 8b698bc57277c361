#!/usr/bin/env bash
# Verification must stay linear when one story is republished thousands of times.
# usage: scripts/bench-copies.sh [SIZES]     (default "1000 5000 20000"; THREADS=2)
# Builds release, generates one story x N lightly edited copies (scripts/make_copies.py), runs
# `wiretrace run` on each and prints wall seconds, peak RSS and the `cluster.verified` counter:
# verified/N should stay flat (it is at most one verification per copy plus a bounded few).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
W=${BENCH_WORK:-/tmp/bench}
SIZES=${1:-"1000 5000 20000"}
THREADS=${THREADS:-2}
mkdir -p "$W"
(cd "$ROOT" && swift build -c release >/dev/null)
BIN="$ROOT/.build/release/wiretrace"
CFG=${CONFIG:-$ROOT/pipeline.json}
printf '| copies | wall s | docs/s | peak RSS MB | cluster.verified | verified/copy | cluster s | clusters |\n|---|---|---|---|---|---|---|---|\n'
for n in $SIZES; do
  C="$W/copies$n.jsonl"
  [ -s "$C" ] || python3 "$ROOT/scripts/make_copies.py" --n "$n" --seed 1 --out "$C"
  OUT="$W/copies$n.out"
  /usr/bin/time -f '%e %M' -o "$W/copies$n.time" "$BIN" run --config "$CFG" --input "$C" --output "$OUT" --threads "$THREADS" -q 2>/dev/null
  read -r wall rss < "$W/copies$n.time"
  python3 - "$OUT/summary.json" "$n" "$wall" "$rss" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); n = int(sys.argv[2]); wall = float(sys.argv[3]); rss = int(sys.argv[4]) / 1024
v = s['counters'].get('cluster.verified', 0)
print(f"| {n} | {wall:.2f} | {n / wall:,.0f} | {rss:.0f} | {v} | {v / n:.2f} | {s['stage_seconds'].get('cluster', 0):.2f} | {s['clusters']} |")
PY
done
