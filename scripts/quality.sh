#!/usr/bin/env bash
# Grouping quality of Wiretrace on every benchmark of issue 4, in one table beside the peers.
#
# usage: scripts/quality.sh            # all sets (generates /tmp/bench corpora if missing)
#   QUALITY_SKIP_100K=1 scripts/quality.sh   # skip the slow 100k corpus
#   QUALITY_PEERS=1 scripts/quality.sh       # also run gaoya (threshold 0.3) in a venv, if it installs
# Environment: BENCH_WORK (default /tmp/bench: corpora), QUALITY_OUT (default $BENCH_WORK/quality: outputs),
# WIRETRACE (default .build/release/wiretrace).
# Every run uses the repository's pipeline.json unchanged except for input/output plumbing
# (inputs, the outlet field name of real-multi-outlet, reports off): one set of defaults.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-/work/shared}
W=${BENCH_WORK:-/tmp/bench}
BIN=${WIRETRACE:-$ROOT/.build/release/wiretrace}
OUT=${QUALITY_OUT:-$W/quality}
mkdir -p "$W" "$OUT"

[ -x "$BIN" ] || (cd "$ROOT" && swift build -c release --product wiretrace)

sizes="10k"
[ "${QUALITY_SKIP_100K:-0}" = 1 ] || sizes="10k 100k"
for s in $sizes; do
  [ -s "$W/c$s.corpus.jsonl" ] || python3 "$SHARED/bench/make_corpus.py" --n "${s/k/000}" --seed 1 --out "$W/c$s"
done

# config NAME OUTLET_FIELD: pipeline.json with plumbing only.
config() {
  python3 - "$ROOT/pipeline.json" "$OUT/$1.json" "$2" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
for s in c['stages']:
    if s['stage'] == 'ingest':
        s['inputs'] = []
        s.setdefault('fields', {})['outlet'] = sys.argv[3]
    if s['stage'] == 'report':
        s['formats'] = []
json.dump(c, open(sys.argv[2], 'w'), indent=1)
PY
}

# run NAME INPUT OUTLET_FIELD: wall seconds to $OUT/NAME.time
run() {
  config "$1" "$3"
  local t0 t1
  t0=$(date +%s.%N)
  "$BIN" run --config "$OUT/$1.json" --input "$2" --output "$OUT/$1" -q
  t1=$(date +%s.%N)
  python3 -c "print(round($t1 - $t0, 2))" > "$OUT/$1.time"
}

echo "running wiretrace ..." >&2
run rmo "$SHARED/data/real-multi-outlet/articles.jsonl" publisher
python3 "$SHARED/bench/score.py" "$SHARED/data/real-multi-outlet/gold.jsonl" "$OUT/rmo/documents.jsonl" --json > "$OUT/rmo.score"
for s in $sizes; do
  run "c$s" "$W/c$s.corpus.jsonl" outlet
  python3 "$SHARED/bench/score.py" "$W/c$s.gold.jsonl" "$OUT/c$s/documents.jsonl" --meta "$W/c$s.meta.jsonl" --json > "$OUT/c$s.score"
  python3 "$ROOT/scripts/hardneg_breakdown.py" "$W/c$s.meta.jsonl" "$OUT/c$s/documents.jsonl" "$SHARED/data/reuters-base.jsonl" --json > "$OUT/c$s.hardneg"
done
run reuters "$SHARED/data/reuters21578-dev.jsonl" outlet
python3 "$ROOT/scripts/check_silver.py" "$SHARED/data/reuters21578-dev.jsonl" "$OUT/reuters/documents.jsonl" --json > "$OUT/reuters.score"
run samples "$ROOT/samples" outlet

if [ "${QUALITY_PEERS:-0}" = 1 ]; then
  echo "running gaoya (threshold 0.3) ..." >&2
  if [ ! -x "$W/venv/bin/python" ]; then
    python3 -m venv "$W/venv" && timeout 300 "$W/venv/bin/pip" install -q --only-binary=:all: datasketch rensa gaoya numpy scipy || true
  fi
  if "$W/venv/bin/python" -c "import gaoya" 2>/dev/null; then
    "$W/venv/bin/python" "$SHARED/bench/peers.py" gaoya --threshold 0.3 "$SHARED/data/real-multi-outlet/articles.jsonl" "$OUT/gaoya-rmo.jsonl" 2>/dev/null
    python3 "$SHARED/bench/score.py" "$SHARED/data/real-multi-outlet/gold.jsonl" "$OUT/gaoya-rmo.jsonl" --json > "$OUT/gaoya-rmo.score"
    "$W/venv/bin/python" "$SHARED/bench/peers.py" gaoya --threshold 0.3 "$W/c10k.corpus.jsonl" "$OUT/gaoya-c10k.jsonl" 2>/dev/null
    python3 "$SHARED/bench/score.py" "$W/c10k.gold.jsonl" "$OUT/gaoya-c10k.jsonl" --meta "$W/c10k.meta.jsonl" --json > "$OUT/gaoya-c10k.score"
  else
    echo "gaoya did not install; peers column shows published figures only" >&2
  fi
fi

python3 "$ROOT/scripts/quality_table.py" "$OUT"
