#!/usr/bin/env bash
# Builds the Debian package of Ögonblick: the desktop app (ogonblick-desktop),
# the command-line tool (ogonblick) with its man page, a desktop entry and the
# icons at every size, and the dependencies declared.
#
#   bash scripts/package.sh                   the desktop profile's build (release,
#                                             made small: Cargo.toml), then the .deb
#   bash scripts/package.sh --profile debug   the same from a debug build (or release)
#   bash scripts/package.sh --from DIR        package the binaries already in DIR
#                                             (ogonblick, ogonblick-desktop): build nothing
#   --out DIR        where the .deb goes (default target/package)
#   --compress C     xz (default: smallest), gzip (level 1: fastest, for tests)
#                    or none: dpkg-deb's compressor
#
# Offline: no bundler download, only cargo (for the build), Debian's dpkg-deb
# and dpkg-shlibdeps. Why not Tauri's bundler: ARCHITECTURE.md, "Packages".
# Prints the path of the .deb as its last line. The .deb appears under its
# final name only when complete (it is written under a temporary name first).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
log() { printf '[package] %s\n' "$*" >&2; }
die() { printf 'package.sh: %s\n' "$*" >&2; exit 1; }

PROFILE=desktop
FROM=""
OUT="$ROOT/target/package"
COMPRESS=xz
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) PROFILE="${2:?--profile needs a cargo profile: desktop, release or debug}"; shift 2 ;;
    --from) FROM="${2:?--from needs a folder holding ogonblick and ogonblick-desktop}"; shift 2 ;;
    --out) OUT="${2:?--out needs a folder}"; shift 2 ;;
    --compress) COMPRESS="${2:?--compress needs xz, gzip or none}"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (see bash scripts/package.sh --help)" ;;
  esac
done
case "$COMPRESS" in
  xz) ZARGS=(-Zxz) ;;
  gzip) ZARGS=(-Zgzip -z1) ;;
  none) ZARGS=(-Znone) ;;
  *) die "--compress $COMPRESS: give xz, gzip or none" ;;
esac
for tool in dpkg-deb dpkg-shlibdeps strip gzip; do
  command -v "$tool" >/dev/null || die "$tool is missing: apt-get install dpkg-dev binutils gzip"
done

# The version is the workspace's ([workspace.package] version in Cargo.toml).
VERSION="$(awk '
  /^\[/ { in_ws = ($0 == "[workspace.package]") }
  in_ws && /^version *=/ { gsub(/.*= *"|".*/, ""); print; exit }' Cargo.toml)"
[ -n "$VERSION" ] || die "no [workspace.package] version in Cargo.toml"
CONF_VERSION="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' tauri.conf.json | head -1)"
[ "$CONF_VERSION" = "$VERSION" ] ||
  die "tauri.conf.json says version $CONF_VERSION, Cargo.toml $VERSION: make them the same"
ARCH="$(dpkg --print-architecture)"

if [ -z "$FROM" ]; then
  FEATURES=(--features tauri/custom-protocol)
  source "$ROOT/scripts/env.sh"
  log "building the UI (ui/dist)"
  (cd ui && npm run --silent build)
  # cargo calls the debug profile "dev", and keeps its binaries in target/debug.
  case "$PROFILE" in
    debug|dev) cargo_profile=dev; dir=debug ;;
    *) cargo_profile="$PROFILE"; dir="$PROFILE" ;;
  esac
  log "building ogonblick and ogonblick-desktop (cargo profile $cargo_profile)"
  # One build of both, so their shared crates are built (and link-time
  # optimised) once, with one set of features.
  cargo build --profile "$cargo_profile" -p ogonblick-cli -p ogonblick-desktop "${FEATURES[@]}"
  FROM="${CARGO_TARGET_DIR:-$ROOT/target}/$dir"
fi
for bin in ogonblick ogonblick-desktop; do
  [ -x "$FROM/$bin" ] || die "$FROM/$bin is missing: build it first, or leave out --from"
done
got="$("$FROM/ogonblick" --version)"
[ "$got" = "ogonblick $VERSION" ] ||
  die "$FROM/ogonblick says '$got', the workspace is $VERSION: rebuild the binaries"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ogonblick-package.XXXXXX")"
PARTIAL=""
trap 'rm -rf "$WORK"; [ -z "$PARTIAL" ] || rm -f "$PARTIAL"' EXIT
# dpkg-shlibdeps wants debian/control and the package's tree at debian/<package>.
mkdir -p "$WORK/debian"
printf 'Source: ogonblick\n\nPackage: ogonblick\nArchitecture: any\n' >"$WORK/debian/control"
STAGE="$WORK/debian/ogonblick"
mkdir -p "$STAGE/DEBIAN" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/man/man1" "$STAGE/usr/share/doc/ogonblick"

log "staging the binaries (stripped)"
for bin in ogonblick ogonblick-desktop; do
  install -m 0755 "$FROM/$bin" "$STAGE/usr/bin/$bin"
  strip --strip-unneeded "$STAGE/usr/bin/$bin"
done

# Icons: every size of the hicolor theme a menu or dock asks for.
for size in 16 24 32 48 64 128 256 512; do
  case "$size" in
    256) src=icons/128x128@2x.png ;;
    512) src=icons/icon.png ;;
    *) src="icons/${size}x${size}.png" ;;
  esac
  [ -f "$src" ] || die "$src is missing: python3 scripts/make-icons.py draws every size"
  install -D -m 0644 "$src" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/ogonblick.png"
done
install -m 0644 scripts/package/ogonblick.desktop "$STAGE/usr/share/applications/se.ogonblick.app.desktop"

log "writing the man page from ogonblick --help"
bash scripts/package/man.sh "$STAGE/usr/bin/ogonblick" "$VERSION" | gzip -9n \
  >"$STAGE/usr/share/man/man1/ogonblick.1.gz"
install -m 0644 scripts/package/copyright "$STAGE/usr/share/doc/ogonblick/copyright"

log "reading the libraries the binaries need (dpkg-shlibdeps)"
SHLIBS="$(cd "$WORK" && dpkg-shlibdeps -O -e"$STAGE/usr/bin/ogonblick" -e"$STAGE/usr/bin/ogonblick-desktop" |
  sed -n 's/^shlibs:Depends=//p')"
[ -n "$SHLIBS" ] || die "dpkg-shlibdeps found no library dependencies"
# What the programs run or read besides libraries: Chromium captures, its
# emoji font draws emoji, the sRGB profile goes into every PDF/A, xmllint
# checks packages' schemas (verify), xdg-open opens files from the desktop.
RUNTIME="chromium, fonts-noto-color-emoji, icc-profiles-free, libxml2-utils, xdg-utils"
case "$SHLIBS" in *libwebkit2gtk-4.1-0*) ;; *) die "ogonblick-desktop does not link WebKitGTK 4.1: is it the desktop app?" ;; esac

INSTALLED_KB="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"
cat >"$STAGE/DEBIAN/control" <<EOF
Package: ogonblick
Version: $VERSION
Architecture: $ARCH
Maintainer: Ögonblick <ogonblick@localhost>
Installed-Size: $INSTALLED_KB
Depends: $SHLIBS, $RUNTIME
Recommends: fonts-dejavu-core
Section: utils
Priority: optional
Description: social-media snapshots of a municipality for the e-archive
 Ögonblick keeps an authority's social-media channels on the public record:
 a register of the channels, snapshots (full-page PNG and PDF/A-2b with
 SHA-256 fixity, taken with headless Chromium) and FGS 2.0 / E-ARK archive
 packages that it verifies offline.
 .
 This package holds the desktop app (ogonblick-desktop) and the command-line
 tool (ogonblick) for scheduled, unattended runs.
EOF
(cd "$STAGE" && find usr -type f -print0 | sort -z | xargs -0 md5sum >DEBIAN/md5sums)
chmod 0644 "$STAGE/DEBIAN/control" "$STAGE/DEBIAN/md5sums"
find "$STAGE" -type d -exec chmod 0755 {} +

mkdir -p "$OUT"
DEB="$OUT/ogonblick_${VERSION}_${ARCH}.deb"
PARTIAL="$OUT/.ogonblick_${VERSION}_${ARCH}.deb.partial"
log "building $(basename "$DEB") (dpkg-deb, $COMPRESS)"
dpkg-deb --root-owner-group "${ZARGS[@]}" --build "$STAGE" "$PARTIAL" >&2
mv -f "$PARTIAL" "$DEB"
log "$(du -h "$DEB" | cut -f1) $DEB"
echo "$DEB"
