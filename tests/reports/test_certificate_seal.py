"""The content seal: a certificate PDF verifies only while its pages draw what was sealed.

Each forgery here passed as 真实有效 before the seal: the old check only asked whether the
signed name, award and serial could still be found in the page's text, and a white box
drawn over 一等奖 leaves the words underneath.
"""

from __future__ import annotations

import io
import re
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import FreeText
from pypdf.generic import NameObject
from reportlab.pdfgen.canvas import Canvas

from contest_desk.domain.signing import Verdict, new_key_pair, sign_bytes, verify_offline
from contest_desk.errors import UserError
from contest_desk.reports.certificate_pdf import Printed, read_certificate_pdf, write_certificates
from contest_desk.reports.fonts import pdf_font
from contest_desk.reports.pdf_seal import SEAL_KEY
from contest_desk.services.hub import Services
from tests.builders import copy_of_demo

OIL = 1


@pytest.fixture(scope="module")
def demo(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Services:
    return Services.open(copy_of_demo(demo_template, tmp_path_factory.mktemp("seal")))


@pytest.fixture
def genuine(demo: Services, tmp_path: Path) -> Path:
    template = demo.certificates.templates(1)["landscape"]
    items = [
        Printed(template, c.fields, c.qr, c.modules, c.image)
        for c in demo.certificates.issue(OIL, provisional=True)
    ]
    (pdf,) = write_certificates(tmp_path / "证书.pdf", items[:2], True, demo.certificates.sealer(1))
    return pdf


def verdicts(demo: Services, pdf: Path) -> list[Verdict]:
    """What the desk says of each page, and what the offline check with the public key says."""
    public = demo.certificates.public_key(1)
    assert public is not None
    online = [
        demo.certificates.verify(p.qr, p.visible, p.seal).verdict for p in read_certificate_pdf(pdf)
    ]
    offline = [verify_offline(p.qr, p.visible, public, p.seal) for p in read_certificate_pdf(pdf)]
    assert online == offline
    return online


def overlay(text: str, x: float, y: float) -> PdfReader:
    """A page with a white box and new words on it, as a forger would stamp over the award."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(842, 595), initialFontName=pdf_font())  # type: ignore[arg-type]
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x - 5, y - 5, 200, 40, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(pdf_font(), 24)
    canvas.drawString(x, y, text)
    canvas.save()
    return PdfReader(io.BytesIO(out.getvalue()))


def rewritten(pdf: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """The file passed through pypdf with ``change`` applied to its writer (metadata kept)."""
    writer = PdfWriter(clone_from=PdfReader(pdf))
    change(writer)
    forged = pdf.with_name("伪造.pdf")
    with forged.open("wb") as handle:
        writer.write(handle)
    return forged


def test_a_genuine_pdf_verifies_on_every_page(demo: Services, genuine: Path) -> None:
    assert verdicts(demo, genuine) == [Verdict.GENUINE, Verdict.GENUINE]


def test_a_white_box_with_another_award_over_the_first_is_caught(
    demo: Services, genuine: Path
) -> None:
    stamp = overlay("特等奖", 360, 250)
    forged = rewritten(genuine, lambda w: w.pages[0].merge_page(stamp.pages[0]))
    (page, _) = read_certificate_pdf(forged)
    assert "特等奖" in page.visible  # the forgery shows
    assert verdicts(demo, forged)[0] is Verdict.CHANGED


def test_a_changed_date_is_caught(demo: Services, genuine: Path) -> None:
    stamp = overlay("二〇二五年一月", 560, 120)
    forged = rewritten(genuine, lambda w: w.pages[1].merge_page(stamp.pages[0]))
    assert verdicts(demo, forged)[1] is Verdict.CHANGED


def test_an_edited_text_operator_is_caught(demo: Services, genuine: Path) -> None:
    """The page's own words changed in place: two glyphs of the first string swapped."""

    def swap(writer: PdfWriter) -> None:
        content = writer.pages[0].get_contents()
        assert content is not None
        data = content.get_data()
        found = re.search(rb"\((\\\d{3})(\\\d{3})", data)  # (\005\006… in the subset font
        assert found is not None
        a, b = found.group(1), found.group(2)
        assert a != b
        data = data[: found.start()] + b"(" + b + a + data[found.end() :]
        content.set_data(data)
        writer.pages[0].replace_contents(content)

    forged = rewritten(genuine, swap)
    assert verdicts(demo, forged)[0] is Verdict.CHANGED


def test_an_annotation_on_top_is_caught(demo: Services, genuine: Path) -> None:
    def annotate(writer: PdfWriter) -> None:
        note = FreeText(text="特等奖", rect=(350, 240, 550, 280), font_size="24pt")
        writer.add_annotation(page_number=0, annotation=note)

    forged = rewritten(genuine, annotate)
    assert verdicts(demo, forged)[0] is Verdict.CHANGED


def test_content_appended_by_an_incremental_update_is_caught(demo: Services, genuine: Path) -> None:
    writer = PdfWriter(genuine, incremental=True)
    writer.pages[0].merge_page(overlay("特等奖", 360, 250).pages[0])
    forged = genuine.with_name("增量.pdf")
    with forged.open("wb") as handle:
        writer.write(handle)
    assert forged.read_bytes().startswith(genuine.read_bytes())  # the original bytes are kept
    assert verdicts(demo, forged)[0] is Verdict.CHANGED


def test_a_removed_or_foreign_seal_is_caught(demo: Services, genuine: Path, tmp_path: Path) -> None:
    def unsealed(writer: PdfWriter) -> None:
        del writer._info[NameObject(SEAL_KEY)]  # type: ignore[union-attr]

    assert verdicts(demo, rewritten(genuine, unsealed)) == [Verdict.CHANGED] * 2
    # A seal made with a key the forger holds: the pages are the forger's, the key is not ours.
    stranger = new_key_pair()
    template = demo.certificates.templates(1)["landscape"]
    items = [
        Printed(template, c.fields, c.qr, c.modules, c.image)
        for c in demo.certificates.issue(OIL, provisional=True)
    ]
    (own,) = write_certificates(
        tmp_path / "自签.pdf", items[:2], True, lambda m: sign_bytes(stranger.private, m)
    )
    assert verdicts(demo, own) == [Verdict.CHANGED] * 2


def test_the_contest_key_seals_only_its_own_certificates(demo: Services) -> None:
    sign = demo.certificates.sealer(1)
    with pytest.raises(UserError):
        sign(b"CDS1\n" + b"0" * 64 + b" CD1|e30|AAAA")
    with pytest.raises(UserError):
        sign(b"anything else")


def test_separate_files_are_sealed_each(demo: Services, tmp_path: Path) -> None:
    template = demo.certificates.templates(1)["landscape"]
    items = [
        Printed(template, c.fields, c.qr, c.modules, c.image)
        for c in demo.certificates.issue(OIL, provisional=True)
    ]
    written = write_certificates(tmp_path, items[:3], False, demo.certificates.sealer(1))
    assert [verdicts(demo, pdf) for pdf in written] == [[Verdict.GENUINE]] * 3
    raw = written[0].read_bytes()
    assert zlib.crc32(raw) and b"ContestDeskSeal" in raw
