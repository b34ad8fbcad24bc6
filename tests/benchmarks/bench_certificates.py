"""1,000 certificates: one combined PDF and 1,000 separate files, against two baselines in
the same run — the limit (a bare reportlab canvas drawing the same text in the same
embedded font) and the peer (mail-merge documents converted by LibreOffice headless, 20 in
one call; skipped, and said so, when ``soffice`` is not installed).

Targets: combined at least 200× faster per certificate than LibreOffice, separate files at
least 30×; both within 1.5× of the bare-reportlab limit.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from contest_desk.domain.certificates import BUILT_IN, Fields, layout
from contest_desk.domain.signing import (
    new_key_pair,
    qr_image_data,
    qr_matrix,
    qr_text,
    sign_bytes,
)
from contest_desk.reports.certificate_pdf import Printed, write_certificates
from contest_desk.reports.fonts import pdf_font

COUNT, PEER = 1_000, 20
SURNAMES, GIVEN = "王李张刘陈杨黄赵吴周", "建国明伟洋丽军勇静磊强"


KEYS = new_key_pair()


def sign(message: bytes) -> bytes:
    """The content seal's signature, as CertificateService.sealer makes it."""
    return sign_bytes(KEYS.private, message)


def items() -> list[Printed]:
    """Issued certificates as the database holds them: signed, with their QR matrix."""
    keys = KEYS
    template = BUILT_IN["landscape"]
    out = []
    for n in range(COUNT):
        fields = {
            "name": SURNAMES[n % 10] + GIVEN[n % 11] + GIVEN[(n // 11) % 11],
            "unit": f"采油{n % 5 + 1}区/采油{n % 3 + 1}班",
            "contest": "2026年采油厂职工技能比武",
            "event": "采油工",
            "round": "",
            "award": ("一等奖", "二等奖", "三等奖")[n % 3],
            "organization": "采油厂工会",
            "date": "二〇二六年十一月",
            "serial": f"CD-2026-01-{n + 1:05d}",
        }
        text = qr_text(fields, keys.private)
        modules = qr_matrix(text)
        out.append(Printed(template, fields, text, modules, qr_image_data(modules)))
    return out


def bare(path: Path, batch: list[Printed], separate: bool) -> None:
    """The limit: only the certificate's text, in the same embedded font, on a bare canvas."""
    font = pdf_font()

    def page(canvas: Canvas, item: Printed) -> None:
        width, height = item.template.page
        canvas.setPageSize((width * mm, height * mm))
        for step in layout(item.template, Fields(item.fields), item.qr):
            if step.kind == "text":
                canvas.setFont(font, step.size)
                canvas.drawString(step.x * mm, (height - step.y) * mm, step.text)
        canvas.showPage()

    if separate:
        for n, item in enumerate(batch):
            canvas = Canvas(str(path / f"{n}.pdf"), initialFontName=font)  # type: ignore[arg-type]
            page(canvas, item)
            canvas.save()
    else:
        canvas = Canvas(str(path / "bare.pdf"), initialFontName=font)  # type: ignore[arg-type]
        for item in batch:
            page(canvas, item)
        canvas.save()


FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"
 office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>
<text:h>荣誉证书</text:h><text:p>{body}</text:p><text:p>{org}</text:p><text:p>{date}</text:p>
<text:p>{serial}</text:p></office:text></office:body></office:document>"""


def peer(folder: Path, batch: list[Printed]) -> float | None:
    """Seconds per certificate for LibreOffice converting merged documents, or None."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    for n, item in enumerate(batch[:PEER]):
        f = item.fields
        body = Fields(f).fill(item.template.body)
        (folder / f"{n}.fodt").write_text(
            FODT.format(
                body=escape(body), org=escape(f["organization"]), date=f["date"], serial=f["serial"]
            ),
            encoding="utf-8",
        )
    start = time.perf_counter()
    subprocess.run(
        [
            soffice,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *sorted(str(p) for p in folder.glob("*.fodt")),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return (time.perf_counter() - start) / PEER


def timed(work: object, runs: int = 3) -> float:
    """The best of ``runs``: the machine's noise only ever adds time."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    batch = items()
    pdf_font()  # registering the font once is not part of any of the timings
    with tempfile.TemporaryDirectory() as root:
        base = Path(root)
        for name in ("combined", "separate", "bare1", "bare2", "peer"):
            (base / name).mkdir()
        combined = timed(
            lambda: write_certificates(base / "combined" / "all.pdf", batch, True, sign)
        )
        separate = timed(lambda: write_certificates(base / "separate", batch, False, sign))
        limit_one = timed(lambda: bare(base / "bare1", batch, separate=False))
        limit_many = timed(lambda: bare(base / "bare2", batch, separate=True))
        lo = peer(base / "peer", batch)
    per = {
        k: v / COUNT
        for k, v in (
            ("combined", combined),
            ("separate", separate),
            ("bare1", limit_one),
            ("bare2", limit_many),
        )
    }
    print(f"certificates, one combined PDF:   {COUNT / combined:8.0f} per second")
    print(f"certificates, separate files:     {COUNT / separate:8.0f} per second")
    print(f"bare reportlab, one PDF (limit):  {COUNT / limit_one:8.0f} per second")
    print(f"bare reportlab, separate (limit): {COUNT / limit_many:8.0f} per second")
    print(f"combined vs its limit: {per['combined'] / per['bare1']:.2f}x  (target: within 1.5x)")
    print(f"separate vs its limit: {per['separate'] / per['bare2']:.2f}x  (target: within 1.5x)")
    if lo is None:
        print("LibreOffice (soffice) is not installed: the peer baseline is skipped")
    else:
        print(f"LibreOffice merge: {lo:.3f} s per certificate")
        print(
            f"combined is {lo / per['combined']:.0f}x faster (target: 200x); "
            f"separate {lo / per['separate']:.0f}x (target: 30x)"
        )


if __name__ == "__main__":
    main()
