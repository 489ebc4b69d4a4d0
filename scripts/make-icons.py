#!/usr/bin/env python3
"""Draws the Ögonblick icon (an eye on a rounded square) into icons/.

Standard library only, deterministic: running it twice gives the same bytes.
Tauri needs RGBA PNGs: 32x32, 128x128, 128x128@2x (256) and icon.png (512);
the Debian package's hicolor icons also take 16x16, 24x24, 48x48 and 64x64.
icon.ico (16 to 256, PNG entries) is the Windows executable's icon, which
tauri-build compiles into its resources (a Windows build fails without it).
Usage: python3 scripts/make-icons.py [OUT_DIR]
"""
import math
import os
import struct
import sys
import zlib

BG = (31, 95, 115)        # deep teal
WHITE = (246, 243, 235)   # sclera
IRIS = (224, 160, 48)     # amber
PUPIL = (20, 35, 43)
SS = 4                    # supersampling per axis


def sample(x, y):
    """Colour (r, g, b, a) at unit coordinates x, y in [0, 1)."""
    # Rounded square with a small margin.
    m, r = 0.04, 0.20
    qx = max(abs(x - 0.5) - (0.5 - m - r), 0.0)
    qy = max(abs(y - 0.5) - (0.5 - m - r), 0.0)
    if math.hypot(qx, qy) > r:
        return (0, 0, 0, 0)
    cx, cy = x - 0.5, y - 0.5
    # Almond (two circles' intersection), 0.80 wide, 0.44 high.
    w, h = 0.40, 0.22
    big_r = (w * w + h * h) / (2 * h)
    d = big_r - h
    in_eye = math.hypot(cx, cy - d) <= big_r and math.hypot(cx, cy + d) <= big_r
    if not in_eye:
        return BG + (255,)
    dist = math.hypot(cx, cy)
    if math.hypot(cx + 0.055, cy + 0.055) <= 0.035:
        return WHITE + (255,)     # highlight
    if dist <= 0.075:
        return PUPIL + (255,)
    if dist <= 0.175:
        return IRIS + (255,)
    return WHITE + (255,)


def render(size):
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter type 0
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(SS):
                for sx in range(SS):
                    r, g, b, a = sample((px + (sx + 0.5) / SS) / size,
                                        (py + (sy + 0.5) / SS) / size)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            n = SS * SS
            alpha = acc[3] / n
            if acc[3] == 0:
                row += bytes(4)
            else:
                row += bytes((round(acc[0] / acc[3]), round(acc[1] / acc[3]),
                              round(acc[2] / acc[3]), round(alpha)))
        rows.append(bytes(row))
    return png(size, size, b"".join(rows))


def png(width, height, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def ico(pngs):
    """An ICO file whose entries are the PNGs given as (size, bytes)."""
    head = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(head) + 16 * len(pngs)
    entries, data = b"", b""
    for size, body in pngs:
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(body), offset)
        offset += len(body)
        data += body
    return head + entries + data


def write(path, data):
    tmp = path + ".partial"
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    print(path)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "icons")
    os.makedirs(out, exist_ok=True)
    drawn = {}
    for name, size in [("16x16.png", 16), ("24x24.png", 24), ("32x32.png", 32),
                       ("48x48.png", 48), ("64x64.png", 64), ("128x128.png", 128),
                       ("128x128@2x.png", 256), ("icon.png", 512)]:
        drawn[size] = render(size)
        write(os.path.join(out, name), drawn[size])
    write(os.path.join(out, "icon.ico"),
          ico([(s, drawn[s]) for s in (16, 24, 32, 48, 64, 128, 256)]))


if __name__ == "__main__":
    main()
