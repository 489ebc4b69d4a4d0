#!/usr/bin/env bash
# Checks that every crate of the workspace, the desktop shell (src-tauri)
# included, compiles for Windows, from Linux: `cargo check --target
# x86_64-pc-windows-gnu`. Nothing is linked or run (no Windows here); the
# bundles themselves are built on Windows by .github/workflows/bundles.yml.
#
#   bash scripts/check-windows.sh            cargo check, every crate
#   bash scripts/check-windows.sh --clippy   cargo clippy -D warnings instead
#
# Libraries and programs only: the integration tests (crates/*/tests/) drive
# Linux's Chromium and file permissions and are not meant for Windows.
#
# What it needs, installed when missing:
#   - the rustup target x86_64-pc-windows-gnu (rustup target add);
#   - Debian's gcc-mingw-w64-x86-64-posix (apt-get, as root or with sudo):
#     SQLite's and ring's C code and the desktop's Windows resource (windres,
#     with its icon icons/icon.ico) are compiled for Windows even by a check.
# Not part of .ci/run (its time budget is full): the first run compiles the
# Windows dependencies (webview2, windows; 41 min measured on 2 cores shared
# with other builds), later ones only what changed (2 to 3 min).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
TARGET=x86_64-pc-windows-gnu
log() { printf '[check-windows] %s\n' "$*" >&2; }
die() { printf 'check-windows.sh: %s\n' "$*" >&2; exit 1; }

MODE=check
case "${1:-}" in
  "") ;;
  --clippy) MODE=clippy ;;
  -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
  *) die "unknown argument '$1' (see bash scripts/check-windows.sh --help)" ;;
esac

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif sudo -n true 2>/dev/null; then sudo -n "$@"
  else die "$* needs root (or sudo without a password); or install gcc-mingw-w64-x86-64-posix yourself"
  fi
}

if ! command -v x86_64-w64-mingw32-gcc-posix >/dev/null || ! command -v x86_64-w64-mingw32-windres >/dev/null; then
  log "installing Debian's gcc-mingw-w64-x86-64-posix (the C compiler and windres for Windows)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc-mingw-w64-x86-64-posix >&2 || {
    as_root apt-get update -qq >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc-mingw-w64-x86-64-posix >&2
  }
fi
command -v rustup >/dev/null || die "rustup is missing: the Windows target is added with rustup"
if ! rustup target list --installed | grep -qx "$TARGET"; then
  log "adding the rustup target $TARGET"
  rustup target add "$TARGET" >&2
fi
[ -f icons/icon.ico ] || die "icons/icon.ico is missing: python3 scripts/make-icons.py draws it"

# The posix flavour: the win32-threads one lacks what SQLite's C wants.
export CC_x86_64_pc_windows_gnu=x86_64-w64-mingw32-gcc-posix
export AR_x86_64_pc_windows_gnu=x86_64-w64-mingw32-gcc-ar-posix
# The desktop's shipped build serves ui/dist (tauri/custom-protocol), which
# must exist for the check; an empty one will do when the UI is not built.
[ -d ui/dist ] || { log "ui/dist is missing: checking against an empty one"; mkdir -p ui/dist; }

FEATURES=(--features tauri/custom-protocol)
case "$MODE" in
  check)
    log "cargo check --target $TARGET, every crate"
    cargo check --target "$TARGET" --workspace "${FEATURES[@]}"
    ;;
  clippy)
    log "cargo clippy --target $TARGET, every crate, -D warnings"
    cargo clippy --target "$TARGET" --workspace "${FEATURES[@]}" -- -D warnings
    ;;
esac
log "clean: the workspace compiles for Windows ($TARGET)"
