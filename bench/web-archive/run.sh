#!/usr/bin/env bash
# Web archive benchmark: the size cost per snapshot (the WACZ's bytes beside
# the PNGs' and PDF/As' of the five fixture channel pages) and the time
# ratio of capturing those pages with and without the web archive, timed
# from outside by farm-bench (A = with, B = without, paired runs).
# Usage: bash bench/web-archive/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
PROFILE="${PROFILE:-release}"
cargo build --profile "$PROFILE" -q -p ogonblick-capture --example web-archive-bench
DIR="$CARGO_TARGET_DIR/$([ "$PROFILE" = dev ] && echo debug || echo "$PROFILE")/examples"
BIN="$DIR/web-archive-bench"
echo "--- size ---"
"$BIN" --web-archive
echo "--- time: with the web archive (A) vs without (B) ---"
farm-bench -n "${1:-3}" --timeout 1800 --vs "$BIN" -- "$BIN" --web-archive
