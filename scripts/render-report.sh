#!/bin/sh
# Renders the samples' HTML report to a PNG with headless Chromium, to look at what a researcher sees.
#
# Usage: scripts/render-report.sh [OUT_PNG] [HEIGHT]
#   OUT_PNG defaults to wiretrace-out/report.png; HEIGHT (pixels of page captured) to 3000.
# Needs the Debian package `chromium` (apt-get update && apt-get install -y chromium).
# Runs `wiretrace run` in the repository root first (samples/ → wiretrace-out/).
set -eu
cd "$(dirname "$0")/.."
OUT="${1:-wiretrace-out/report.png}"
case "$OUT" in /*) ;; *) OUT="$(pwd)/$OUT" ;; esac
HEIGHT="${2:-3000}"
WIRETRACE="${WIRETRACE:-.build/debug/wiretrace}"
[ -x "$WIRETRACE" ] || swift build --product wiretrace
"$WIRETRACE" run --quiet
BROWSER="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$BROWSER" ]; then
    echo "render-report: no chromium found; install it with: apt-get install -y chromium" >&2
    exit 1
fi
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT
# --no-sandbox: containers often run as root, where Chromium refuses its sandbox.
"$BROWSER" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$PROFILE" \
    --window-size=1400,"$HEIGHT" --screenshot="$OUT" "file://$(pwd)/wiretrace-out/report.html" 2>/dev/null
echo "render-report: wrote $OUT"
