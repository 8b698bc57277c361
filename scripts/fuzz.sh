#!/usr/bin/env bash
# Builds and runs the libFuzzer targets of the ingest parsers (Tests/Fuzz/<Target>Fuzz.swift).
#
#   scripts/fuzz.sh build TARGET          build .build-fuzz/<Target>Fuzz
#   scripts/fuzz.sh run TARGET [SECONDS]  build, seed and run one target (default 600 s)
#   scripts/fuzz.sh all [SECONDS]         run every target, one at a time
#
# Targets: Gzip Tar Zip CSV JSON WARC HTML. Each is compiled with `swiftc -sanitize=fuzzer,address`
# together with the Ingest sources (one module, so internal readers are reachable), against a
# WiretraceCore module built the same way, linking the system zlib. Runs are `nice -n 19`.
# Logs go to $FUZZ_LOG_DIR (default .build-fuzz/logs); crashes to $FUZZ_LOG_DIR/<Target>-crash-*.
# Not part of `swift build`/`swift test`: SwiftPM does not see Tests/Fuzz.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=.build-fuzz
LOGS=${FUZZ_LOG_DIR:-$OUT/logs}
TARGETS=(Gzip Tar Zip CSV JSON WARC HTML)
FLAGS=(-sanitize=fuzzer,address -parse-as-library -O -g)
mkdir -p "$OUT" "$LOGS"

build_core() {
    if [[ ! -f $OUT/libWiretraceCore.a || -n $(find Sources/WiretraceCore -newer $OUT/libWiretraceCore.a -name '*.swift') ]]; then
        swiftc "${FLAGS[@]}" -module-name WiretraceCore -emit-module -emit-module-path $OUT/WiretraceCore.swiftmodule \
            -emit-library -static -o $OUT/libWiretraceCore.a Sources/WiretraceCore/*.swift
    fi
}

build() {
    local t=$1
    build_core
    swiftc "${FLAGS[@]}" -module-name IngestFuzz -I $OUT -I Sources/CZlib -L $OUT -lWiretraceCore -lz \
        Sources/Ingest/*.swift Tests/Fuzz/FuzzSupport.swift "Tests/Fuzz/${t}Fuzz.swift" -o "$OUT/${t}Fuzz" \
        2> >(grep -v 'Cannot export local symbol' >&2)
}

run() {
    local t=$1 secs=${2:-600}
    build "$t"
    python3 scripts/fuzz-seeds.py "$OUT/seeds"
    mkdir -p "$OUT/corpus/$t"
    echo "== $t: ${secs}s, started $(date -u +%FT%TZ)" >"$LOGS/$t.log"
    nice -n 19 "$OUT/${t}Fuzz" "$OUT/corpus/$t" "$OUT/seeds/$t" -max_total_time="$secs" -timeout=20 \
        -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$LOGS/$t-" >>"$LOGS/$t.log" 2>&1 \
        && echo "== $t: finished without a crash $(date -u +%FT%TZ)" >>"$LOGS/$t.log" \
        || echo "== $t: FAILED (exit $?) $(date -u +%FT%TZ)" >>"$LOGS/$t.log"
    tail -n 3 "$LOGS/$t.log"
}

case ${1:-} in
build) build "$2" ;;
run) run "$2" "${3:-600}" ;;
all) for t in "${TARGETS[@]}"; do run "$t" "${2:-600}"; done ;;
*) sed -n '2,12p' "$0"; exit 2 ;;
esac
