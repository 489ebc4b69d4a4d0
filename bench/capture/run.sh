#!/usr/bin/env bash
# Capture benchmark: Ögonblick's capture (PNG + PDF/A) of the fixture channels
# vs raw Chromium's capture of the same full page, page by page, interleaved
# (ours, raw, ours, raw …). The baseline is raw-cdp.mjs: Chromium driven over
# the DevTools protocol (none of our code), a fresh process and profile a run; it scrolls
# the page to the bottom (lazy images, infinite scroll) until it is as tall as
# ours, shoots the whole height with captureBeyondViewport + clip in slices of
# <= 16,384 px (one PNG each: stitching is our extra work, in our figure) and
# prints it to PDF. Ratios against raw's whole process (ratio) and against it
# without Node's start and Chromium's launch and close (ratio-l; ours is one
# browser launched before the runs, printed apart). PNG size per page: our file vs Chromium's PNG(s), and the
# stitcher's encoder on Chromium's own pixels vs Chromium's (same pixels).
# Goals (issue 18): ratio <= 1.2 on every page, PNG <= 1.1x.
# Usage: bash bench/capture/run.sh [--runs N] [--tall] [--expand] [--no-expand]
#                                  [--png-trials] [--slice PX] [--band PX]
#                                  [--only PATH...]
#   --runs N medians of N interleaved runs a page, --tall adds the 200,000 px
#   page, --expand a post with collapsed text and comment threads, --no-expand
#   captures without expanding (the comparison), --png-trials re-encodes each
#   PNG with other DEFLATE levels and filters (size, time), --slice PX our
#   window and slice height instead of the capture's default (4,000), --band PX
#   the most rows shot at once beyond the window on a page that removes nothing
#   as it scrolls instead of the default (16,384; 0: a window at a time)
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
