"""The app's Chinese font for the pages' @font-face, as browsers take it.

The file is a TrueType Collection whose tables are not all on 4-byte boundaries; Chrome's
font checker (OTS) refuses it ("FFTM: misaligned table") and falls back to no font at
all. The first font of the collection, laid out again as a plain TrueType file (each
table copied as it is, aligned, FontForge's timestamp table left out), is accepted.
"""

from __future__ import annotations

import struct
from functools import cache
from pathlib import Path

LEFT_OUT = {b"FFTM"}  # FontForge's build timestamps: nothing a browser uses


def first_font(collection: bytes) -> bytes:
    """The first font of a TTC (a plain font file as it is) as a TrueType file."""
    if collection[:4] != b"ttcf":
        return collection
    (offset,) = struct.unpack_from(">I", collection, 12)
    version, count = struct.unpack_from(">IH", collection, offset)
    records = sorted(
        record
        for i in range(count)
        if (record := struct.unpack_from(">4sIII", collection, offset + 12 + 16 * i))[0]
        not in LEFT_OUT
    )
    n = len(records)
    selector = n.bit_length() - 1
    search = (1 << selector) * 16
    parts = [struct.pack(">IHHHH", version, n, search, selector, n * 16 - search)]
    bodies, position = [], 12 + 16 * n
    for tag, checksum, start, length in records:
        parts.append(struct.pack(">4sIII", tag, checksum, position, length))
        body = collection[start : start + length] + b"\0" * (-length % 4)
        bodies.append(body)
        position += len(body)
    return b"".join(parts + bodies)


@cache
def font_bytes(path: Path) -> bytes:
    """Read and laid out once per process (about 4.6 MB, kept for every later page)."""
    return first_font(path.read_bytes())
