#!/usr/bin/env bash
# Register-import benchmark: generates register CSVs of 2,000 and 100,000
# channels (two addresses each, Swedish headers and åäö), imports each into a
# fresh data directory with the same call the CLI and the desktop make
# (`Store::import_register`), prints rows per second, then rebuilds the
# database from the files (`reindex`) and prints that too.
#
#   bash bench/register/run.sh                           # release build
#   BENCH_ROWS="2000 20000" BENCH_PROFILE=dev bash bench/register/run.sh
#
# Target: 100,000 rows imported in under 30 s (release build). Exit 1 when
# the largest import takes longer than BENCH_LIMIT_S (default 30) seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${BENCH_ROWS:-"2000 100000"}
PROFILE=${BENCH_PROFILE:-release}
LIMIT=${BENCH_LIMIT_S:-30}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
if [ "$PROFILE" = release ]; then
  cargo build -q --release -p ogonblick-store --example import_bench
  TOOL="$CARGO_TARGET_DIR/release/examples/import_bench"
else
  cargo build -q -p ogonblick-store --example import_bench
  TOOL="$CARGO_TARGET_DIR/debug/examples/import_bench"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ogonblick-bench-register.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
last_secs=0
for n in $ROWS; do
  "$TOOL" gen "$WORK/register-$n.csv" "$n"
  rm -rf "$WORK/data"
  "$TOOL" import "$WORK/data" "$WORK/register-$n.csv" > "$WORK/import.json"
  "$TOOL" reindex "$WORK/data" > "$WORK/reindex.json"
  last_secs=$(python3 - "$n" "$WORK/import.json" "$WORK/reindex.json" "$PROFILE" <<'PY'
import json, sys
n = int(sys.argv[1])
imp = json.load(open(sys.argv[2])); rei = json.load(open(sys.argv[3]))
assert imp["rows"] == n and rei["rows"] == n, (imp, rei)
print(f"{sys.argv[4]}: import of {n} rows: {imp['seconds']:.2f} s, {n / imp['seconds']:,.0f} rows/s; "
      f"reindex: {rei['seconds']:.2f} s, {n / rei['seconds']:,.0f} rows/s", file=sys.stderr)
print(imp["seconds"])
PY
)
done
python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) <= float(sys.argv[2]) else 1)" "$last_secs" "$LIMIT" \
  || { echo "the largest import took ${last_secs} s, more than ${LIMIT} s"; exit 1; }
