#!/usr/bin/env bash
# Capture benchmark: Ögonblick's capture of the fixture channels vs raw
# `chromium --headless --screenshot` (full page: the window as tall as the
# page, up to 16,384 px; a taller page's raw figure is marked `*`, not fair)
# + `--print-to-pdf` of the same pages, and our PNG's size vs Chromium's.
# Usage: bash bench/capture/run.sh [--tall] [--expand] [--no-expand] [--png-trials]
#   --tall adds the 200,000 px page, --expand a post with collapsed text and
#   comment threads, --no-expand captures without expanding (the comparison)
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --release -q -p ogonblick-capture --example capture-bench
BIN="$CARGO_TARGET_DIR/release/examples/capture-bench"
LOG="$(mktemp)"
/usr/bin/time -v "$BIN" "$@" 2> "$LOG"
echo "--- /usr/bin/time -v (the benchmark process and, for max RSS, the largest Chromium process it waited for) ---"
grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$LOG"
rm -f "$LOG"
