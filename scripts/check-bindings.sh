#!/usr/bin/env bash
# Fails when the committed TypeScript bindings (ui/src/bindings/) differ from
# what the Rust types generate now: a type, field or variant changed in Rust
# without regenerating, a stale file left behind, or a hand edit.
#
#   scripts/check-bindings.sh            export every #[ts(export)] type of the
#                                        workspace into a temp dir, then compare
#   scripts/check-bindings.sh DIR        compare a directory exported already
#                                        (scripts/test.sh exports during its
#                                        cargo test run)
#   scripts/check-bindings.sh --update   regenerate ui/src/bindings/ in place
#
# Every crate's ts-rs export tests are named export_bindings_*; a new crate
# with #[ts(export)] types is picked up without changes here. The desktop
# crate exports its own types (AppInfo, FileKind, Language) and the command
# wrappers (commands.ts, written from its command table by the test
# export_bindings_commands).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COMMITTED="$ROOT/ui/src/bindings"
cd "$ROOT"

export_into() {
  local out="$1"
  rm -rf "$out" && mkdir -p "$out"
  TS_RS_EXPORT_DIR="$out" cargo test --quiet --workspace --exclude ogonblick-desktop \
    --lib -- export_bindings_ >/dev/null
  # The desktop crate with the feature set every other cargo command uses on
  # it (or cargo rebuilds Tauri).
  TS_RS_EXPORT_DIR="$out" cargo test --quiet -p ogonblick-desktop \
    --features tauri/custom-protocol --lib -- export_bindings_ >/dev/null
}

if [ "${1:-}" = "--update" ]; then
  export_into "$COMMITTED.tmp"
  rm -rf "$COMMITTED" && mv "$COMMITTED.tmp" "$COMMITTED"
  echo "bindings regenerated in ui/src/bindings ($(ls "$COMMITTED" | wc -l) files)"
  exit 0
fi

if [ -n "${1:-}" ]; then
  FRESH="$(cd "$1" && pwd)"
else
  TMP="$(mktemp -d)"
  trap 'rm -rf "$TMP"' EXIT
  FRESH="$TMP/bindings"
  export_into "$FRESH"
fi

if [ -z "$(ls -A "$FRESH" 2>/dev/null)" ]; then
  echo "bindings check: nothing was exported into $FRESH (did the export tests run?)" >&2
  exit 1
fi

if diff -r -u "$COMMITTED" "$FRESH"; then
  echo "bindings check: ui/src/bindings matches the Rust types ($(ls "$FRESH" | wc -l) files)"
else
  echo "bindings check FAILED: ui/src/bindings differs from the Rust types (above)." >&2
  echo "Regenerate with: bash scripts/check-bindings.sh --update, then commit ui/src/bindings." >&2
  exit 1
fi
