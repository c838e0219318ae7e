#!/usr/bin/env python3
"""Checks that a PNG is a real picture: its size, and that it is not blank (enough distinct colours).

Used by .ci/run on the installed package's headless render. Standard library only (zlib); reads 8-bit
greyscale, RGB, palette, grey+alpha and RGBA PNGs, the kinds Java's ImageIO writes.

Usage: check-png.py FILE [--min-width W] [--min-height H] [--min-colours N]
Exit status 0 when every check passes, 1 with one line per failed check otherwise.
"""
import argparse
import struct
import sys
import zlib

CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def read_chunks(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG (bad signature)")
    pos = 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        yield kind, data[pos + 8:pos + 8 + length]
        pos += 12 + length


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def unfilter(raw, width, height, bpp):
    """Undoes the per-row PNG filters (RFC 2083 §6) and returns the rows as bytes."""
    stride = width * bpp
    rows, prev, pos = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[pos], bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up = prev[i]
            upleft = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 0xFF
            elif kind == 4:
                line[i] = (line[i] + paeth(left, up, upleft)) & 0xFF
            elif kind != 0:
                raise ValueError(f"unknown filter type {kind}")
        rows.append(bytes(line))
        prev = line
    return rows


def decode(path):
    """Returns (width, height, number of distinct pixel values)."""
    with open(path, "rb") as f:
        data = f.read()
    header, idat = None, []
    for kind, body in read_chunks(data):
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
    if header is None:
        raise ValueError("no IHDR chunk")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in CHANNELS or interlace != 0:
        raise ValueError(f"unsupported PNG kind (depth {depth}, colour type {colour}, interlace {interlace})")
    bpp = CHANNELS[colour]
    rows = unfilter(zlib.decompress(b"".join(idat)), width, height, bpp)
    colours = set()
    for row in rows:
        for x in range(0, len(row), bpp):
            colours.add(row[x:x + bpp])
    return width, height, len(colours)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--min-width", type=int, default=1)
    parser.add_argument("--min-height", type=int, default=1)
    parser.add_argument("--min-colours", type=int, default=2)
    args = parser.parse_args()
    try:
        width, height, colours = decode(args.file)
    except (OSError, ValueError, zlib.error) as e:
        print(f"check-png: {args.file}: {e}", file=sys.stderr)
        return 1
    print(f"check-png: {args.file}: {width}x{height}, {colours} distinct colours")
    failures = []
    if width < args.min_width or height < args.min_height:
        failures.append(f"smaller than {args.min_width}x{args.min_height}")
    if colours < args.min_colours:
        failures.append(f"fewer than {args.min_colours} distinct colours: blank")
    for failure in failures:
        print(f"check-png: {args.file}: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
