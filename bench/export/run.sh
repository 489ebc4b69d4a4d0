#!/usr/bin/env bash
# Export benchmark: packages a set of snapshot files (real PNGs, 10 MB and
# larger) and compares its time with `openssl dgst -sha256` + `cp` of the same
# files (OpenSSL uses the CPU's SHA instructions where it has them), in
# interleaved rounds of the same run; reports the peak memory (max RSS,
# /usr/bin/time -v) of a small (10 MB) and a large export to show it stays flat.
#
#   bash bench/export/run.sh            # 600 MB in 20 MB files (~2 min)
#   BENCH_MB=2000 BENCH_FILE_MB=50 BENCH_ROUNDS=5 bash bench/export/run.sh
#
# Target (issue 18): export time <= 1.25 x that of openssl + cp (best round of
# each). The CPU time (user + sys) of both is printed too: on a shared machine
# it says more than the wall clock. The export hashes every data file (checked
# against its manifest) and the whole package (the sidecar) once each; the
# second hash runs on another thread while the package is written.
# Exit 1 when the ratio is above 1.25 or memory grows with the input.
set -euo pipefail
cd "$(dirname "$0")/../.."
TOTAL_MB=${BENCH_MB:-600}
FILE_MB=${BENCH_FILE_MB:-20}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
# dev profile: the hot dependencies (sha2, crc32fast, flate2, png) run at
# opt-level 3 through [profile.dev.package.*] in the root Cargo.toml.
cargo build -q -p ogonblick-package --example package_tool
TOOL="$CARGO_TARGET_DIR/debug/examples/package_tool"
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 2; }
command -v openssl > /dev/null || { echo "needs openssl"; exit 2; }
ROUNDS=${BENCH_ROUNDS:-3}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ogonblick-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
echo "generating ${TOTAL_MB} MB of snapshot PNGs (${FILE_MB} MB each) and a 10 MB set in $WORK"
"$TOOL" gen "$WORK/large" "$TOTAL_MB" "$FILE_MB"
"$TOOL" gen "$WORK/small" 10 10
BYTES=$(du -sb "$WORK/large" | cut -f1)

rss_of() { grep "Maximum resident set size" "$1" | awk '{print $NF}'; }
secs() { python3 -c "import sys; print(float(sys.argv[1]))" "$1"; }

run_export() { # $1 set, $2 out dir, $3 time file
  mkdir -p "$2"
  /usr/bin/time -v -o "$3" "$TOOL" export "$WORK/$1" "$2/" > /dev/null
}
cpu_of() { # user + sys seconds from a /usr/bin/time -v file
  python3 -c "import sys; t=open(sys.argv[1]).read(); import re; print(sum(float(re.search(k+r' \(seconds\): ([0-9.]+)', t).group(1)) for k in ('User time','System time')))" "$1"
}
run_baseline() { # openssl dgst -sha256 + cp of the same files
  rm -rf "$WORK/cp" && mkdir -p "$WORK/cp" && sync
  /usr/bin/time -v -o "$WORK/time-base.txt" sh -c '
    find "$1/large" -type f -name "*.png" -print0 | xargs -0 openssl dgst -sha256 > /dev/null
    cp -r "$1/large" "$1/cp/"
    sync -f "$1/cp" 2>/dev/null || true' sh "$WORK"
}

best_exp=999999; best_base=999999; cpu_exp=999999; cpu_base=999999
for round in $(seq "$ROUNDS"); do
  rm -rf "$WORK/out" && sync
  t0=$(date +%s.%N); run_export large "$WORK/out" "$WORK/time-large.txt"; t1=$(date +%s.%N)
  exp=$(python3 -c "print($t1-$t0)"); cexp=$(cpu_of "$WORK/time-large.txt")
  t0=$(date +%s.%N); run_baseline; t1=$(date +%s.%N)
  base=$(python3 -c "print($t1-$t0)"); cbase=$(cpu_of "$WORK/time-base.txt")
  python3 -c "print(f'round $round: openssl+cp {$base:.2f} s (cpu {$cbase:.2f} s), export {$exp:.2f} s (cpu {$cexp:.2f} s), ratio {$exp/$base:.2f}x')"
  best_exp=$(python3 -c "print(min($best_exp,$exp))"); best_base=$(python3 -c "print(min($best_base,$base))")
  cpu_exp=$(python3 -c "print(min($cpu_exp,$cexp))"); cpu_base=$(python3 -c "print(min($cpu_base,$cbase))")
done
rm -rf "$WORK/out-small"
run_export small "$WORK/out-small" "$WORK/time-small.txt"
RSS_L=$(rss_of "$WORK/time-large.txt"); RSS_S=$(rss_of "$WORK/time-small.txt")
"$TOOL" verify "$WORK"/out/*.zip | python3 -c "import json,sys; r=json.load(sys.stdin); print('verify of the large package:', 'ok' if r['ok'] else r['problems'][:3])"

python3 - "$BYTES" "$best_base" "$best_exp" "$RSS_S" "$RSS_L" "$cpu_base" "$cpu_exp" <<'PY'
import sys
b, base, exp, rs, rl = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
cbase, cexp = float(sys.argv[6]), float(sys.argv[7])
mb = b / 1e6
print(f"input: {mb:.0f} MB (best of each)")
print(f"openssl dgst -sha256 + cp: {base:.2f} s ({mb/base:.0f} MB/s), cpu {cbase:.2f} s")
print(f"export:                    {exp:.2f} s ({mb/exp:.0f} MB/s), cpu {cexp:.2f} s")
ratio = exp / base
print(f"time ratio export/(openssl+cp): {ratio:.2f}x (target <= 1.25x); cpu ratio {cexp/cbase:.2f}x")
print(f"peak memory: 10 MB export {rs/1024:.1f} MiB, {mb:.0f} MB export {rl/1024:.1f} MiB")
flat = rl <= rs * 1.5 + 8 * 1024
print("memory flat:", "yes" if flat else "NO")
sys.exit(0 if ratio <= 1.25 and flat else 1)
PY
