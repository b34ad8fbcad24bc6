"""Certificates end to end: issued from standings with serials, written as PDF with the
Chinese font embedded and the QR code drawn from the signed payload, read back and checked
(genuine, changed, superseded, unknown; offline too), batches that cancel cleanly, and
bad templates, images and paths refused with their reason."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from contest_desk.domain.certificates import BUILT_IN, Placed
from contest_desk.domain.signing import Verdict, new_key_pair, qr_matrix, verify_offline
from contest_desk.errors import UserError
from contest_desk.reports.certificate_pdf import (
    Cancelled,
    Printed,
    read_certificate_pdf,
    write_certificates,
)
from contest_desk.services.hub import Services
from tests.builders import copy_of_demo

OIL = 1  # 采油工技能比武 in the demo


@pytest.fixture(scope="module")
def demo(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Services:
    return Services.open(copy_of_demo(demo_template, tmp_path_factory.mktemp("cert")))


def printed(demo: Services, template: str = "landscape") -> list[Printed]:
    certificates = demo.certificates.issue(OIL, provisional=True)
    chosen = demo.certificates.templates(1)[template]
    return [Printed(chosen, c.fields, c.qr, c.modules, c.image) for c in certificates]


def fonts_embedded(path: Path) -> set[bool]:
    found = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for part in font.get("/DescendantFonts", [font]):
                descriptor = part.get_object().get("/FontDescriptor")
                found.add(
                    descriptor is not None
                    and any(
                        k in descriptor.get_object()
                        for k in ("/FontFile", "/FontFile2", "/FontFile3")
                    )
                )
    return found


def test_issued_once_per_entry_with_serials_and_awards(demo: Services) -> None:
    first = demo.certificates.issue(OIL, provisional=True)
    table = demo.standings.standings(OIL)
    awarded = [r for r in table.rows if r.award]
    assert [c.recipient for c in first] == [r.entry.label for r in awarded]
    assert first[0].serial.startswith("CD-") and first[0].fields["award"] == awarded[0].award
    assert [c.serial for c in demo.certificates.issue(OIL, provisional=True)] == [
        c.serial for c in first
    ]
    assert first[0].fields["date"].startswith("二〇")


def test_the_pdf_says_it_all_in_an_embedded_font(demo: Services, tmp_path: Path) -> None:
    items = printed(demo)
    (combined,) = write_certificates(
        tmp_path / "证书.pdf", items, combined=True, sign=demo.certificates.sealer(1)
    )
    reader = PdfReader(combined)
    assert len(reader.pages) == len(items)
    text = reader.pages[0].extract_text()
    fields = items[0].fields
    assert "荣誉证书" in text and fields["name"] in text and fields["award"] in text
    assert fields["serial"] in text and fields["date"] in text
    assert fonts_embedded(combined) == {True}
    separate = write_certificates(
        tmp_path, items[:3], combined=False, sign=demo.certificates.sealer(1)
    )
    assert [p.name for p in separate] == sorted(
        f"{i.fields['serial']}-{i.fields['name']}.pdf" for i in items[:3]
    )
    portrait = write_certificates(
        tmp_path / "竖版.pdf", printed(demo, "portrait")[:1], True, sign=demo.certificates.sealer(1)
    )
    page = PdfReader(portrait[0]).pages[0]
    assert float(page.mediabox.height) > float(page.mediabox.width)


def test_the_qr_code_drawn_is_the_signed_payload(demo: Services, tmp_path: Path) -> None:
    item = printed(demo)[0]
    assert item.qr.startswith("CD1|") and item.modules == qr_matrix(item.qr)
    (pdf,) = write_certificates(
        tmp_path / "qr.pdf", [item], combined=True, sign=demo.certificates.sealer(1)
    )
    (image,) = PdfReader(pdf).pages[0].images  # the QR code, the page's only image
    picture = image.image.convert("1")
    size = len(item.modules) + 8
    assert picture.size == (size, size)
    drawn = tuple(
        "".join("1" if picture.getpixel((c + 4, r + 4)) == 0 else "0" for c in range(size - 8))
        for r in range(size - 8)
    )
    assert drawn == item.modules  # the same modules as the signed text's QR code


def test_genuine_changed_superseded_unknown(demo: Services, tmp_path: Path) -> None:
    items = printed(demo)
    (pdf,) = write_certificates(
        tmp_path / "一张.pdf", items[:1], combined=True, sign=demo.certificates.sealer(1)
    )
    (page,) = read_certificate_pdf(pdf)
    assert demo.certificates.verify(page.qr, page.visible).verdict is Verdict.GENUINE
    assert demo.certificates.verify(items[0].fields["serial"]).verdict is Verdict.GENUINE
    altered = page.visible.replace(items[0].fields["name"], "张冒名")
    assert demo.certificates.verify(page.qr, altered).verdict is Verdict.CHANGED
    forged = items[1].qr.split("|")[1]
    tampered = "|".join(["CD1", forged, page.qr.split("|")[2]])
    assert demo.certificates.verify(tampered).verdict is Verdict.CHANGED
    assert demo.certificates.verify("CD-2026-99-00001").verdict is Verdict.UNKNOWN
    assert demo.certificates.verify("not a certificate").verdict is Verdict.UNKNOWN
    public = demo.certificates.public_key(1)
    assert public is not None
    assert verify_offline(page.qr, page.visible, public) is Verdict.GENUINE
    assert verify_offline(page.qr, altered, public) is Verdict.CHANGED
    assert verify_offline(page.qr, page.visible, new_key_pair().public) is Verdict.CHANGED

    with pytest.raises(UserError, match="原因"):
        demo.certificates.reissue(items[2].fields["serial"], "")
    new = demo.certificates.reissue(items[2].fields["serial"], "原件遗失，补发")
    old = demo.certificates.verify(items[2].fields["serial"])
    assert (old.verdict, old.replaced_by) == (Verdict.SUPERSEDED, new.serial)
    assert demo.certificates.verify(new.serial).verdict is Verdict.GENUINE
    assert demo.certificates.verify(items[2].qr).verdict is Verdict.SUPERSEDED


def test_a_cancelled_batch_leaves_nothing(demo: Services, tmp_path: Path) -> None:
    items = printed(demo)
    seen: list[int] = []

    def progress(done: int, total: int) -> bool:
        seen.append(done)
        return done < 3

    with pytest.raises(Cancelled):
        write_certificates(
            tmp_path, items, combined=False, progress=progress, sign=demo.certificates.sealer(1)
        )
    with pytest.raises(Cancelled):
        write_certificates(
            tmp_path / "全部.pdf",
            items,
            combined=True,
            progress=progress,
            sign=demo.certificates.sealer(1),
        )
    assert list(tmp_path.iterdir()) == [] and 3 in seen


def test_bad_templates_images_and_paths_are_refused(demo: Services, tmp_path: Path) -> None:
    items = printed(demo)[:1]
    missing_field = replace(BUILT_IN["landscape"], name="mine", body="{name} 获 {prize}")
    with pytest.raises(UserError, match="prize"):
        write_certificates(
            tmp_path / "a.pdf",
            [replace(items[0], template=missing_field)],
            True,
            sign=demo.certificates.sealer(1),
        )
    not_image = tmp_path / "印章.png"
    not_image.write_text("这不是图片", encoding="utf-8")
    sealed = replace(BUILT_IN["landscape"], seal=Placed(str(not_image), 200, 140, 40, 40))
    with pytest.raises(UserError, match=r"印章\.png"):
        write_certificates(
            tmp_path / "b.pdf",
            [replace(items[0], template=sealed)],
            True,
            sign=demo.certificates.sealer(1),
        )
    with pytest.raises(UserError, match="不存在"):
        write_certificates(
            tmp_path / "无此目录" / "c.pdf", items, True, sign=demo.certificates.sealer(1)
        )
    assert list(tmp_path.glob("*.pdf")) == []
    with pytest.raises(UserError, match="内置"):
        demo.certificates.save_template(1, BUILT_IN["landscape"])
    demo.certificates.save_template(1, replace(BUILT_IN["portrait"], name="厂徽版"))
    assert "厂徽版" in demo.certificates.templates(1)


def test_the_public_key_goes_out_with_the_contest(demo: Services, tmp_path: Path) -> None:
    items = printed(demo)
    data = demo.transfer.export_contest(1)
    public = data["certificate_public_key"]
    assert public == demo.certificates.public_key(1) and public.startswith("-----BEGIN PUBLIC KEY")
    (pdf,) = write_certificates(
        tmp_path / "离线.pdf", items[:1], combined=True, sign=demo.certificates.sealer(1)
    )
    (page,) = read_certificate_pdf(pdf)
    assert verify_offline(page.qr, page.visible, public) is Verdict.GENUINE


def test_labor_competition_teams_get_certificates_too(demo: Services, tmp_path: Path) -> None:
    march = demo.certificates.issue_labor(2, "3月")
    table = demo.labor_standings.standings(2, "3月")
    awarded = [r.team.name for r in table.rows if r.award]
    assert [c.recipient for c in march] == awarded and march[0].fields["event"] == "3月"
    assert [c.serial for c in demo.certificates.issue_labor(2, "3月")] == [c.serial for c in march]
    whole = demo.certificates.issue_labor(2)
    assert whole and whole[0].fields["event"] == "全程"
    assert demo.certificates.verify(whole[0].serial).verdict is Verdict.GENUINE


def test_a_boards_title_holder_gets_a_certificate(demo: Services) -> None:
    (holder,) = demo.certificates.issue_board(1)
    view = demo.board_views.view(1)
    assert holder.recipient == view.rows[0].entry.label and holder.fields["award"] == "擂主"
    assert holder.fields["round"] == view.period_label
    assert [c.serial for c in demo.certificates.issue_board(1)] == [holder.serial]


def test_a_large_batch_of_files_is_shared_among_processes(demo: Services, tmp_path: Path) -> None:
    base = printed(demo)[0]
    many = [
        replace(base, fields={**base.fields, "serial": f"CD-2026-01-9{n:04d}"}) for n in range(120)
    ]
    folder = tmp_path / "多进程"
    folder.mkdir()
    seen: list[int] = []
    written = write_certificates(
        folder,
        many,
        combined=False,
        progress=lambda d, t: bool(seen.append(d)) or True,
        sign=demo.certificates.sealer(1),
    )
    assert len(written) == 120 and sorted(folder.iterdir()) == sorted(written)
    assert seen[-1] == 120 and seen == sorted(seen)
    assert PdfReader(written[0]).pages[0].extract_text().count(base.fields["name"]) >= 1
    stopped = tmp_path / "取消"
    stopped.mkdir()
    with pytest.raises(Cancelled):
        write_certificates(
            stopped,
            many,
            combined=False,
            progress=lambda d, t: d < 50,
            sign=demo.certificates.sealer(1),
        )
    assert list(stopped.iterdir()) == []
