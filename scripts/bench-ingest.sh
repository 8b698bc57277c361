#!/usr/bin/env bash
# Ingest throughput and peak memory on large .jsonl.gz dumps (not a test; prints figures).
#
#   scripts/bench-ingest.sh [SIZES_MB...]     default: 200 1000
#
# Generates $BENCH_DIR/dump-<N>MB.jsonl.gz (default .build-bench/) by repeating
# /work/shared/data/reuters-base.jsonl (or $BENCH_BASE) with unique ids until N MB of JSONL,
# then times ingest alone with /usr/bin/time -v and prints MB/s (uncompressed JSONL) and peak RSS.
# Uses `wiretrace ingest --input PATH` (release build) when the CLI has it; otherwise a small
# driver (scripts/bench-ingest-driver.swift) compiled with swiftc -O from the Ingest sources.
# Peak RSS should stay flat as the dump grows: ingest streams.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${BENCH_DIR:-.build-bench}
BASE=${BENCH_BASE:-/work/shared/data/reuters-base.jsonl}
SIZES=("$@")
[[ ${#SIZES[@]} -eq 0 ]] && SIZES=(200 1000)
mkdir -p "$DIR"

for mb in "${SIZES[@]}"; do
    out="$DIR/dump-${mb}MB.jsonl.gz"
    [[ -f $out ]] && continue
    echo "generating $out ..." >&2
    python3 - "$BASE" "$out" "$mb" <<'PY'
import gzip, json, sys
base, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = [json.loads(l) for l in open(base, encoding="utf-8") if l.strip()]
target, written, rep = mb * 1_000_000, 0, 0
with gzip.open(out, "wb", compresslevel=6) as f:
    while written < target:
        chunk = []
        for d in lines:
            d = dict(d); d["id"] = f"{d.get('id', 'x')}-{rep}"
            chunk.append(json.dumps(d, ensure_ascii=False) + "\n")
        data = "".join(chunk).encode()
        f.write(data); written += len(data); rep += 1
print(f"{out}: {written} bytes of JSONL, {rep} copies", file=sys.stderr)
PY
done

if grep -rqi "ingest" Sources/wiretrace && swift build -c release --product wiretrace >/dev/null 2>&1 && .build/release/wiretrace ingest --help >/dev/null 2>&1; then
    RUN=(.build/release/wiretrace ingest --input)
    echo "using: wiretrace ingest --input" >&2
else
    echo "wiretrace ingest not available; using scripts/bench-ingest-driver.swift" >&2
    mkdir -p "$DIR/driver"
    swiftc -O -parse-as-library -module-name WiretraceCore -emit-module -emit-module-path "$DIR/driver/WiretraceCore.swiftmodule" \
        -emit-library -static -o "$DIR/driver/libWiretraceCore.a" Sources/WiretraceCore/*.swift
    swiftc -O -parse-as-library -module-name BenchIngest -I "$DIR/driver" -I Sources/CZlib -L "$DIR/driver" -lWiretraceCore -lz \
        Sources/Ingest/*.swift scripts/bench-ingest-driver.swift -o "$DIR/driver/bench-ingest"
    RUN=("$DIR/driver/bench-ingest")
fi

printf '%-28s %10s %10s %9s %9s %12s\n' dump gz_MB jsonl_MB seconds MB/s peak_RSS_MB
for mb in "${SIZES[@]}"; do
    f="$DIR/dump-${mb}MB.jsonl.gz"
    raw=$(gzip -l "$f" | awk 'NR==2 {print $2}')
    /usr/bin/time -v "${RUN[@]}" "$f" >"$DIR/out.txt" 2>"$DIR/time.txt"
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$DIR/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$DIR/time.txt")
    # gzip -l reports the size modulo 4 GiB; fine for these sizes.
    awk -v f="$(basename "$f")" -v gz="$(stat -c %s "$f")" -v raw="$raw" -v s="$secs" -v rss="$rss" \
        'BEGIN { printf "%-28s %10.1f %10.1f %9.2f %9.1f %12.1f\n", f, gz/1e6, raw/1e6, s, raw/1e6/s, rss/1024 }'
    cat "$DIR/out.txt" | tail -1 >&2
done
if [[ ${RUN[0]} == "$DIR/driver/bench-ingest" ]]; then
    echo "-- again without the duplicate-id index (reject_duplicate_ids: false), the only per-document memory:"
    for mb in "${SIZES[@]}"; do
        f="$DIR/dump-${mb}MB.jsonl.gz"
        /usr/bin/time -v "${RUN[@]}" --keep-duplicates "$f" >/dev/null 2>"$DIR/time.txt"
        echo "$(basename "$f"): peak RSS $(awk -F': ' '/Maximum resident set size/ {printf "%.1f MB", $2/1024}' "$DIR/time.txt")"
    done
fi
