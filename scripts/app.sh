#!/usr/bin/env bash
# Runs the Ögonblick desktop app on the embedded default store (the OS data
# folder, e.g. ~/.local/share/ogonblick; OGONBLICK_DATA_DIR overrides it).
# Installs what is missing first; safe to run any number of times.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh
source "$ROOT/scripts/env.sh"
export PATH="$HOME/.cargo/bin:$PATH"

echo "[app] building the UI (ui/dist)" >&2
(cd ui && npm run --silent build)

# The same features as scripts/test.sh, so the two share one build.
echo "[app] building and starting the desktop app" >&2
exec cargo run --quiet -p ogonblick-desktop --features tauri/custom-protocol -- "$@"
