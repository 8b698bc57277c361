#!/usr/bin/env bash
# The two sketch targets of the speed issue, measured in paired rounds on one corpus:
#   * share of the C ceiling: the C loop's in-memory time (/work/shared/bench/minhash_limit.c,
#     -O3 -march=native, one repetition) over `wiretrace sketch --threads 1`'s wall time (startup,
#     JSON parsing and I/O included) — target ≥ 0.5;
#   * 1→2 threads: `wiretrace sketch` at 1 thread over 2 threads — target ≥ 1.8, and the C loop run
#     as two processes at once, the machine's own bound on that scaling.
# Each round runs all four back to back, so a noisy spell hits them alike; medians at the end.
# usage: scripts/bench-sketch.sh [CORPUS.jsonl] [ROUNDS]
#        defaults: /tmp/bench/c100k.corpus.jsonl (scripts/bench.sh makes it), 5 rounds
set -euo pipefail
cd "$(dirname "$0")/.."
C=${1:-/tmp/bench/c100k.corpus.jsonl}
R=${2:-5}
W=/tmp/bench
mkdir -p "$W"
[ -f "$C" ] || { echo "no corpus $C (scripts/bench.sh makes /tmp/bench/c100k.corpus.jsonl)" >&2; exit 1; }
swift build -c release >&2
BIN=$(swift build -c release --show-bin-path)/wiretrace
gcc -O3 -march=native -o "$W/minhash_limit.native" /work/shared/bench/minhash_limit.c
ceiling() { "$W/minhash_limit.native" "$C" 1 | awk '/TOTAL/ { sub("s", "", $3); print $3 }'; }
sketch() { "$BIN" sketch --config pipeline.json --input "$C" --threads "$1" | grep -o '[0-9.]* s;' | cut -d' ' -f1; }
printf '| round | C s | t1 s | t2 s | share of C | 1→2 threads | C as 2 processes |\n|---|---|---|---|---|---|---|\n'
rows=()
for r in $(seq "$R"); do
  c=$(ceiling); t1=$(sketch 1); t2=$(sketch 2)
  # The C loop twice at once: each copy's time against its time alone.
  pair=$( (ceiling & ceiling; wait) | sort -n | tail -1)
  row=$(python3 -c "c,t1,t2,p=$c,$t1,$t2,$pair; print(f'{c/t1:.3f} {t1/t2:.2f} {2*c/p:.2f}')")
  rows+=("$row")
  read -r share scale cscale <<< "$row"
  printf '| %s | %s | %s | %s | %s | %s× | %s× |\n' "$r" "$c" "$t1" "$t2" "$share" "$scale" "$cscale"
done
printf '%s\n' "${rows[@]}" | python3 -c "
import sys, statistics as s
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
print(f'| median | | | | {s.median(r[0] for r in rows):.3f} | {s.median(r[1] for r in rows):.2f}× | {s.median(r[2] for r in rows):.2f}× |')"
