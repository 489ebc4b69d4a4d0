#!/usr/bin/env bash
# Desktop benchmark (issue 18): the real app at rest and opening its views
# with an empty register and with big ones.
#
# Builds (or reuses) the desktop and the CLI, makes a store of every size in
# BENCH_SIZES (CHANNELS:SNAPSHOTS, default "200:5000 2000:50000") with the
# register benchmark's generator (`register_bench gen`, see
# bench/register/run.sh: real import, snapshot folders recorded by
# `reindex`), as of now (the desktop reads the system clock), plus the empty
# store 0:0, always first: the baseline the ratios are against. For each
# store (bench/desktop/bench.mjs, under xvfb-run) it first starts the app on
# its own, waits until it is idle, lets it rest BENCH_REST_S (default 10)
# seconds and sums the PSS (/proc/PID/smaps_rollup) of the app and every
# process under it (WebKit's web and network processes); then starts it again
# with tauri-driver and WebKitWebDriver through tests/e2e's helpers, rests,
# sums the PSS again (with the automation session), then opens each view
# BENCH_RUNS (default 3) times: Kanaler, a channel's page with its history
# (the first channel of Kanaler), Översikt, Export, Inställningar, Att göra.
# A view is timed in the window from the click until the frame after its
# content (its heading and its first row or empty state,
# bench/desktop/views.mjs) is painted; the median counts. Back on Att göra
# it rests again and sums the PSS a third time, and breaks that last sum
# down by process and by kind of mapping (/proc/PID/smaps: libwebkit2gtk,
# JavaScriptCore, Mesa's LLVM, flite, the app's binary, other libraries and
# files, anonymous memory).
# Before the stores it measures the floor any WebKitGTK desktop pays: a bare
# GTK window with one WebKit2GTK 4.1 web view (bench/desktop/floor.py, Debian's
# python3-gi and gir1.2-webkit2-4.1), its PSS summed the same way.
# Prints the table: each view's time and each PSS per size with the ratio
# against the empty store, and the goals of issue 18 (every view <= 1 s, PSS
# <= 230 MB at any size up to 2,000/50,000), met or MISSED. Exits non-zero
# only when the benchmark could not run, never for a missed goal.
#
#   bash bench/desktop/run.sh                             # the desktop profile (what ships)
#   BENCH_PROFILE=release bash bench/desktop/run.sh       # cargo's release profile
#   BENCH_PROFILE=dev BENCH_SIZES="200:5000" bash bench/desktop/run.sh
#   OGONBLICK_APP_BIN=target/debug/ogonblick-desktop \
#     OGONBLICK_CLI_BIN=target/debug/ogonblick BENCH_PROFILE=dev bash bench/desktop/run.sh
#
# OGONBLICK_APP_BIN and OGONBLICK_CLI_BIN (as in tests/e2e) name built
# binaries to use instead of building; BENCH_GEN_TOOL a built register_bench.
# The app must be built with `--features tauri/custom-protocol` on a built
# ui/dist. BENCH_KEEP=1 keeps the stores (their folder is printed).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source scripts/env.sh
PROFILE=${BENCH_PROFILE:-desktop}
SIZES=${BENCH_SIZES:-"200:5000 2000:50000"}
RUNS=${BENCH_RUNS:-3}
REST=${BENCH_REST_S:-10}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
# The app and the CLI in the cargo profile asked for (default `desktop`, what
# scripts/package.sh ships); the store generator in release (or debug).
case "$PROFILE" in
  dev|debug) cargo_profile=(); dir=debug; gen_profile=(); gen_dir=debug ;;
  *) cargo_profile=(--profile "$PROFILE"); dir=$PROFILE; gen_profile=(--release); gen_dir=release ;;
esac

if [ -z "${OGONBLICK_APP_BIN:-}" ] || [ -z "${OGONBLICK_CLI_BIN:-}" ]; then
  (cd ui && npm run --silent build)
  # Built as scripts/package.sh builds them: both at once, one set of features.
  cargo build -q "${cargo_profile[@]}" -p ogonblick-cli -p ogonblick-desktop --features tauri/custom-protocol
  export OGONBLICK_APP_BIN="${OGONBLICK_APP_BIN:-$CARGO_TARGET_DIR/$dir/ogonblick-desktop}"
  export OGONBLICK_CLI_BIN="${OGONBLICK_CLI_BIN:-$CARGO_TARGET_DIR/$dir/ogonblick}"
fi
if [ -z "${BENCH_GEN_TOOL:-}" ]; then
  cargo build -q "${gen_profile[@]}" -p ogonblick-app --example register_bench
  BENCH_GEN_TOOL="$CARGO_TARGET_DIR/$gen_dir/examples/register_bench"
fi
export OGONBLICK_APP_BIN="$(realpath "$OGONBLICK_APP_BIN")" OGONBLICK_CLI_BIN="$(realpath "$OGONBLICK_CLI_BIN")"
for bin in "$OGONBLICK_APP_BIN" "$OGONBLICK_CLI_BIN" "$BENCH_GEN_TOOL"; do
  [ -x "$bin" ] || { echo "bench/desktop: $bin is missing" >&2; exit 2; }
done
[ -d tests/e2e/node_modules/webdriverio ] || (cd tests/e2e && npm ci --silent)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ogonblick-bench-desktop.XXXXXX")
if [ "${BENCH_KEEP:-}" = 1 ]; then echo "bench/desktop: the stores stay in $WORK" >&2; else trap 'rm -rf "$WORK"' EXIT; fi

# The stores, as of a minute ago: the channels exist, the schedule has work.
AT=$(date -u -d '1 minute ago' +%Y-%m-%dT%H:%M:%SZ)
stores=()
for size in 0:0 $SIZES; do
  channels=${size%%:*}; snapshots=${size##*:}
  if [ "$size" = 0:0 ] && [ ${#stores[@]} -gt 0 ]; then continue; fi
  data="$WORK/store-$channels-$snapshots"
  mkdir -p "$data"
  if [ "$channels" -gt 0 ]; then
    "$BENCH_GEN_TOOL" gen "$data" "$channels" "$snapshots" "$AT"
  fi
  # A named organisation: the empty store opens on Att göra, not the first run's setup.
  "$OGONBLICK_CLI_BIN" --data-dir "$data" settings set --name "Bänkeby kommun" > /dev/null
  stores+=("$channels:$snapshots:$data")
done

timeout 7200 xvfb-run -a -s "-screen 0 1280x1024x24" \
  node bench/desktop/bench.mjs --runs "$RUNS" --rest "$REST" --profile "$PROFILE" \
  --out "$WORK/results.json" "${stores[@]}"
if [ "${BENCH_KEEP:-}" = 1 ]; then echo "bench/desktop: figures in $WORK/results.json" >&2; fi
