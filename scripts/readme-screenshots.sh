#!/usr/bin/env bash
# Copies the pictures README.md shows from the last end-to-end run
# (tests/e2e/screenshots/, written by `bash scripts/test.sh` or `npm test` in
# tests/e2e) into docs/screenshots/, reduced to 256 colours (a third of the
# size, text as sharp). Run it after a UI change that shows in them.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs/screenshots
missing=0
for name in $(grep -o 'docs/screenshots/[a-z0-9-]*\.png' README.md | sort -u | xargs -n1 basename); do
  from="tests/e2e/screenshots/$name"
  if [ ! -f "$from" ]; then
    echo "readme-screenshots: $from is missing: run the end-to-end tests first" >&2
    missing=1
    continue
  fi
  convert "$from" -dither None -colors 256 "PNG8:docs/screenshots/$name"
done
exit "$missing"
