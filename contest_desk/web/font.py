"""The app's Chinese font for the pages' @font-face, as browsers take it.

The file is a TrueType Collection whose tables are not all on 4-byte boundaries; Chrome's
font checker (OTS) refuses it ("FFTM: misaligned table") and falls back to no font at
all. Its first font, written out again by fontTools (already here for matplotlib) as a
plain TrueType file without FontForge's timestamp table, is accepted.
"""

from __future__ import annotations

from functools import cache
from io import BytesIO
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont

LEFT_OUT = ("FFTM",)  # FontForge's build timestamps: nothing a browser uses


@cache
def font_bytes(path: Path) -> bytes:
    """Laid out once per process (about 4.6 MB in 0.2 s, kept for every later page)."""
    with path.open("rb") as file:
        collection = file.read(4) == b"ttcf"
    font = TTCollection(str(path)).fonts[0] if collection else TTFont(str(path))
    for tag in LEFT_OUT:
        if tag in font:
            del font[tag]
    out = BytesIO()
    font.save(out)
    return out.getvalue()
