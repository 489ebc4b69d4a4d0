#!/usr/bin/env bash
# Run inside xvfb-run by tests/deb/install.sh: starts the desktop app APP,
# waits (up to 60 s, by polling the X server) for its top-level window named
# "Ögonblick" to be mapped and to draw its page (PNG: its picture), then stops
# the app.
# Prints the window's id and geometry as its last line; exits 1 if no window.
set -euo pipefail
APP="$1"
PNG="$2"
"$APP" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
deadline=$(( $(date +%s) + 60 ))
id=""
while [ "$(date +%s)" -lt "$deadline" ]; do
  kill -0 "$pid" 2>/dev/null || { echo "the app exited before it showed a window" >&2; exit 1; }
  # xwininfo writes the name's bytes as they are (UTF-8).
  id="$(xwininfo -root -tree 2>/dev/null | awk '/"Ögonblick"/ { print $1; exit }')"
  if [ -n "$id" ] && xwininfo -id "$id" | grep -q 'Map State: IsViewable'; then
    break
  fi
  id=""
  sleep 0.5
done
[ -n "$id" ] || { echo "no mapped window named Ögonblick within 60 s" >&2; xwininfo -root -tree >&2 || true; exit 1; }
info="$(xwininfo -id "$id")"
w="$(awk '/Width:/ { print $2 }' <<<"$info")"
h="$(awk '/Height:/ { print $2 }' <<<"$info")"
[ "$w" -ge 480 ] && [ "$h" -ge 400 ] || { echo "the window is $w x $h, smaller than its minimum 480 x 400" >&2; exit 1; }
# The page draws: the window's picture has more than a blank window's few
# colours (polled, up to 30 s). The last picture stays in PNG.
deadline=$(( $(date +%s) + 30 ))
colours=0
while [ "$(date +%s)" -lt "$deadline" ]; do
  if import -window "$id" "$PNG" 2>/dev/null; then
    colours="$(convert "$PNG" -format %k info: 2>/dev/null || echo 0)"
    [ "$colours" -ge 16 ] && break
  fi
  sleep 0.5
done
[ "$colours" -ge 16 ] || { echo "the window stayed blank ($colours colours)" >&2; exit 1; }
# WebKit's speech synthesis is kept out (src-tauri/src/nospeech.rs): the
# stand-in, not flite, in the app's process.
grep -q '/libogonblick-nospeech\.so' "/proc/$pid/maps" && ! grep -q '/libflite' "/proc/$pid/maps" ||
  { echo "the app runs with WebKit's flite, not the stand-in" >&2; exit 1; }
echo "window $id, $w x $h, $colours colours drawn, flite kept out"
