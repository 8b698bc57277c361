#!/usr/bin/env bash
# The main job on the bundled samples: install what is missing, build, run, say where the report is.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"
scripts/install-deps.sh
swift build -c release --product wiretrace
.build/release/wiretrace run "$@"
