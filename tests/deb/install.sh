#!/usr/bin/env bash
# Installs the Debian package on this machine as an IT department would, uses
# it, and removes it again:
#   1. scripts/package.sh packages the binaries in BIN_DIR (--from: no build)
#   2. apt-get install ./ogonblick_<version>_<arch>.deb
#   3. ogonblick --version, --help and man page; the desktop entry and icons
#   4. the installed ogonblick captures a fixture page (testsite from BIN_DIR),
#      exports it and verifies the package (Chromium, the sRGB profile, xmllint)
#   5. the installed ogonblick-desktop opens its window under Xvfb
#   6. apt-get purge: every file dpkg -L listed is gone, and nothing else
#      changed in the system folders the package touches
# Whatever happens, the exit trap purges the package and stops what it
# started, so a failure midway leaves the machine as it was.
#
# Usage: bash tests/deb/install.sh BIN_DIR   (needs root, or sudo without a password)
# BIN_DIR holds ogonblick, ogonblick-desktop (built with tauri/custom-protocol)
# and ogonblick-testsite, e.g. target/debug.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN_DIR="$(cd "${1:?usage: tests/deb/install.sh BIN_DIR (holding ogonblick, ogonblick-desktop, ogonblick-testsite)}" && pwd)"
PASSED=0
FAILED=0
ok() { PASSED=$((PASSED + 1)); echo "ok    $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL  $*" >&2; }
check() { # check "what" command...: one assertion
  local what="$1"; shift
  if "$@"; then ok "$what"; else fail "$what"; fi
}
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

if [ "$(id -u)" -ne 0 ] && ! sudo -n true 2>/dev/null; then
  echo "tests/deb/install.sh: needs root (or sudo without a password) to install a package" >&2
  exit 1
fi
if dpkg-query -W -f='${Status}' ogonblick 2>/dev/null | grep -q 'installed'; then
  echo "tests/deb/install.sh: the package ogonblick is installed on this machine already;" \
    "the test would replace and then remove it: apt-get purge ogonblick first" >&2
  exit 1
fi
for bin in ogonblick ogonblick-desktop ogonblick-testsite; do
  [ -x "$BIN_DIR/$bin" ] || { echo "tests/deb/install.sh: $BIN_DIR/$bin is missing: build it first" >&2; exit 1; }
done
for tool in xvfb-run xwininfo apt-get; do
  command -v "$tool" >/dev/null || { echo "tests/deb/install.sh: $tool is missing (scripts/setup.sh installs it)" >&2; exit 1; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ogonblick-deb-test.XXXXXX")"
INSTALLED=0
SITE_PID=""
cleanup() {
  local rc=$?
  [ -z "$SITE_PID" ] || kill "$SITE_PID" 2>/dev/null || true
  if [ "$INSTALLED" -eq 1 ] || dpkg-query -W -f='${Status}' ogonblick 2>/dev/null | grep -q 'installed'; then
    echo "tests/deb/install.sh: removing the package (exit trap)" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq ogonblick >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
trap 'echo "tests/deb/install.sh: line $LINENO failed: $BASH_COMMAND" >&2' ERR

# The system folders the package writes into, listed before the install, to
# compare after the purge. Caches that dpkg triggers rebuild for every package
# (the icon and desktop-entry caches, man-db's index) are not the package's.
SYSTEM_DIRS=(/usr/bin /usr/share/applications /usr/share/icons/hicolor /usr/share/man/man1
  /usr/share/doc /etc /var/lib/ogonblick /opt)
system_files() {
  { find "${SYSTEM_DIRS[@]}" -xdev \( -type f -o -type l \) 2>/dev/null || true; } |
    { grep -v -e '/icon-theme\.cache$' -e '/mimeinfo\.cache$' -e '^/etc/ld\.so\.cache$' || true; } | sort
}
system_files >"$WORK/files-before"

T0=$(date +%s)
DEB="$(bash "$ROOT/scripts/package.sh" --from "$BIN_DIR" --out "$WORK/out" --compress gzip | tail -1)"
T_PACKAGE=$(( $(date +%s) - T0 ))
VERSION="$(dpkg-deb -f "$DEB" Version)"
check "package.sh made $(basename "$DEB") ($(du -h "$DEB" | cut -f1), ${T_PACKAGE}s)" test -s "$DEB"
depends="$(dpkg-deb -f "$DEB" Depends)"
for dep in chromium fonts-noto-color-emoji libwebkit2gtk-4.1-0 icc-profiles-free libxml2-utils libc6; do
  check "Depends names $dep" grep -q "\(^\|, \)$dep\( \|,\|$\)" <<<"$depends"
done

T0=$(date +%s)
INSTALLED=1
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$DEB" \
  >"$WORK/apt-install.log" 2>&1 || { cat "$WORK/apt-install.log" >&2; fail "apt-get install $DEB"; exit 1; }
ok "apt-get install ./$(basename "$DEB") ($(( $(date +%s) - T0 ))s)"
dpkg -L ogonblick | sort >"$WORK/listed"

check "ogonblick is on PATH at /usr/bin" test "$(command -v ogonblick)" = /usr/bin/ogonblick
check "ogonblick --version says $VERSION" test "$(ogonblick --version)" = "ogonblick $VERSION"
check "ogonblick --help lists the commands" grep -q '^  capture ' <(ogonblick --help)
check "man ogonblick renders, with its capture command" \
  grep -q 'ogonblick capture' <(MANWIDTH=100 man -P cat ogonblick 2>/dev/null)
desktop_entry=/usr/share/applications/se.ogonblick.app.desktop
check "the desktop entry starts the installed app" grep -qx 'Exec=ogonblick-desktop' "$desktop_entry"
check "the desktop entry's icon is installed" grep -qx 'Icon=ogonblick' "$desktop_entry"
for size in 16 24 32 48 64 128 256 512; do
  icon="/usr/share/icons/hicolor/${size}x${size}/apps/ogonblick.png"
  check "icon ${size}x${size} is a ${size}x${size} PNG" \
    grep -q "PNG image data, $size x $size" <(file "$icon")
done

# --- the installed CLI captures a fixture page, exports and verifies it ----
DATA="$WORK/data"
export OGONBLICK_DATA_DIR="$DATA" OGONBLICK_OPERATOR="deb-test" OGONBLICK_LANG=en
# Bash unsets a coprocess's NAME_PID the moment it reaps it, which races with
# `kill`/`wait` under `set -u`: keep the pid in a variable of our own.
coproc TESTSITE { "$BIN_DIR/ogonblick-testsite" --until-stdin-closes; }
SITE_PID="$TESTSITE_PID"
read -r -t 30 SITE_JSON <&"${TESTSITE[0]}"
BASE="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["base"])' "$SITE_JSON")"
T0=$(date +%s)
ID="$(ogonblick channel add --name "Kommunen på Facebook" --platform facebook --url "$BASE/facebook")"
ogonblick settings set --name "Testkommunen" >/dev/null
ogonblick capture "$ID" --url "$BASE/tall?h=1500" --json >"$WORK/capture.json" 2>"$WORK/capture.err" ||
  { cat "$WORK/capture.err" >&2; fail "the installed ogonblick captured $BASE/tall?h=1500"; }
status="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["snapshot"]["status"])' "$WORK/capture.json" 2>/dev/null || true)"
check "the installed ogonblick captured a fixture page (status complete: '$status')" test "$status" = complete
pngs=("$DATA"/channels/"$ID"/snapshots/*/page-01.png)
check "the snapshot's PNG is there" grep -q 'PNG image data, 1280 x' <(file "${pngs[0]}")
mkdir -p "$WORK/pkg"
if ogonblick export --archive-creator "Kommunstyrelsen" --out "$WORK/pkg" --json >"$WORK/export.json" 2>"$WORK/export.err"; then
  ok "the installed ogonblick exported the snapshot"
  zip="$(ls "$WORK"/pkg/*.zip)"
  check "the installed ogonblick verifies the package (xmllint from Depends)" \
    ogonblick verify "$zip"
else
  cat "$WORK/export.err" >&2
  fail "the installed ogonblick exported the snapshot"
fi
echo "      capture, export and verify took $(( $(date +%s) - T0 ))s"
kill "$SITE_PID" 2>/dev/null || true
wait "$SITE_PID" 2>/dev/null || true
SITE_PID=""

# --- the installed desktop opens its window under Xvfb ----------------------
# Its own HOME, so WebKit's caches and the app's data stay in the test folder.
T0=$(date +%s)
mkdir -p "$WORK/home"
HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/.local/share" XDG_CONFIG_HOME="$WORK/home/.config" \
  XDG_CACHE_HOME="$WORK/home/.cache" XDG_RUNTIME_DIR= OGONBLICK_DATA_DIR="$WORK/desktop-data" \
  timeout 120 xvfb-run -a -s "-screen 0 1280x1024x24" \
  bash "$ROOT/tests/deb/window.sh" /usr/bin/ogonblick-desktop "$WORK/window.png" >"$WORK/window.log" 2>&1 &&
  window_ok=1 || window_ok=0
if [ "$window_ok" -eq 1 ]; then
  ok "the installed ogonblick-desktop showed its window: $(tail -1 "$WORK/window.log") ($(( $(date +%s) - T0 ))s)"
else
  cat "$WORK/window.log" >&2
  fail "the installed ogonblick-desktop showed its window"
fi
if [ -n "${OGONBLICK_DEB_SCREENSHOT:-}" ] && [ -f "$WORK/window.png" ]; then
  cp "$WORK/window.png" "$OGONBLICK_DEB_SCREENSHOT"
fi
check "the desktop made its data folder where it was told" test -f "$WORK/desktop-data/ogonblick.sqlite"

# --- purge: nothing of the package is left ---------------------------------
T0=$(date +%s)
as_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq ogonblick >"$WORK/apt-purge.log" 2>&1 &&
  ok "apt-get purge ogonblick ($(( $(date +%s) - T0 ))s)" || { cat "$WORK/apt-purge.log" >&2; fail "apt-get purge ogonblick"; }
INSTALLED=0
check "dpkg knows the package no more" \
  bash -c '! dpkg-query -W -f="\${Status}" ogonblick 2>/dev/null | grep -q "installed"'
left=()
while IFS= read -r p; do
  if [ -f "$p" ] || [ -L "$p" ]; then left+=("$p"); fi
done <"$WORK/listed"
check "every file dpkg -L listed is gone (${#left[@]} left: ${left[*]:-none})" test "${#left[@]}" -eq 0
system_files >"$WORK/files-after"
if diff -u "$WORK/files-before" "$WORK/files-after" >"$WORK/files.diff"; then
  ok "no file appeared or vanished in ${SYSTEM_DIRS[*]}"
else
  cat "$WORK/files.diff" >&2
  fail "no file appeared or vanished in ${SYSTEM_DIRS[*]}"
fi

echo "deb: $PASSED passed, $FAILED failed"
if [ "$FAILED" -ne 0 ]; then exit 1; fi
