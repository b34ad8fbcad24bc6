"""The one Chinese font of the app (WenQuanYi Micro Hei, Apache-2.0), for every output.

The window, the charts and the PDFs all use this file, so Chinese looks the same
everywhere and prints on a PC with no CJK font. reportlab needs TrueType outlines, which
this TTC has (Noto CJK's CFF outlines it cannot embed).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

FONT_FILE = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "wqy-microhei.ttc"
PDF_FONT = "WenQuanYiMicroHei"


@cache
def pdf_font() -> str:
    """Register the font with reportlab once (embedded as a subset) and give its name."""
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    # Binary streams, not ASCII85: reportlab's pure-Python encoder cost more than drawing a
    # certificate, and every PDF reader takes binary (the files are smaller too).
    rl_config.useA85 = 0

    pdfmetrics.registerFont(TTFont(PDF_FONT, str(FONT_FILE), subfontIndex=0))
    return PDF_FONT
