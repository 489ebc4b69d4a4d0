#!/usr/bin/env bash
# Comparison benchmark (issue 17: the comparison adds at most 10 % to a
# capture's time). The example captures the Facebook fixture page twice and,
# with --compare, compares the second capture with the first as the app does
# after every capture. It prints its own figures (the second capture's time
# and the comparison's); farm-bench then times the whole process with the
# comparison (A) and without (B), paired runs, and prints the ratio A/B.
# Usage: bash bench/compare/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
PROFILE="${PROFILE:-release}"
cargo build --profile "$PROFILE" -q -p ogonblick-compare --example compare-bench
DIR="$CARGO_TARGET_DIR/$([ "$PROFILE" = dev ] && echo debug || echo "$PROFILE")/examples"
BIN="$DIR/compare-bench"
echo "--- the comparison's own time beside the capture's ---"
for _ in 1 2 3; do "$BIN" --compare; done
echo "--- time: with the comparison (A) vs without (B) ---"
farm-bench -n "${1:-3}" --timeout 1800 --vs "$BIN" -- "$BIN" --compare
