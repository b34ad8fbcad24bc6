"""Paper score sheets: Chinese text searchable, the font embedded, codes and never names,
headers repeated on every page, landscape for many criteria, nothing half-written."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from contest_desk.reports import paper_sheet
from contest_desk.reports.paper_sheet import PaperCriterion, PaperSheet, write_paper_sheets

D = Decimal
NAMES = [
    "坡口加工",
    "组对装配",
    "板对接平焊",
    "管对接焊",
    "外观缺陷",
    "工完料净",
    "焊缝余高",
    "安全扣分",
]


def sheet(criteria: int, entries: int) -> PaperSheet:
    return PaperSheet(
        "2026年采油厂职工技能比武",
        "电焊工技能比武",
        "决赛",
        "张振华",
        tuple(f"A{n:03d}" for n in range(1, entries + 1)),
        tuple(
            PaperCriterion(f"C{i}", NAMES[i % 8], D(10), D("0.5"), i == criteria - 1)
            for i in range(criteria)
        ),
    )


def test_the_text_is_chinese_searchable_and_the_font_embedded(tmp_path: Path) -> None:
    path = write_paper_sheets(tmp_path / "评分表.pdf", [sheet(3, 5)])
    reader = PdfReader(path)
    text = reader.pages[0].extract_text()
    for expected in (
        "评分表",
        "2026年采油厂职工技能比武",
        "坡口加工",
        "裁判签名",
        "A005",
        "第 1 页 共 1 页",
    ):
        assert expected in text
    fonts = [f.get_object() for f in reader.pages[0]["/Resources"]["/Font"].values()]
    embedded = [f["/FontDescriptor"].get_object() for f in fonts if "/FontDescriptor" in f]
    assert embedded and all("/FontFile2" in d for d in embedded)  # TrueType, subset, inside
    assert any("WenQuanYi" in str(f["/BaseFont"]) for f in fonts)
    page = reader.pages[0].mediabox
    assert page.height > page.width  # three criteria: portrait


def test_a_long_sheet_repeats_its_header_and_many_criteria_turn_landscape(tmp_path: Path) -> None:
    reader = PdfReader(write_paper_sheets(tmp_path / "long.pdf", [sheet(8, 80)]))
    assert len(reader.pages) >= 3
    for n, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"第 {n} 页 共 {len(reader.pages)} 页" in text
        if "A0" in text:  # a page with entries has the header above them
            assert "焊缝余高" in text
        assert page.mediabox.width > page.mediabox.height
    codes = "".join(p.extract_text() for p in reader.pages)
    assert all(f"A{n:03d}" in codes for n in range(1, 81))


def test_a_failure_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> list[object]:
        raise RuntimeError("disk full")

    monkeypatch.setattr(paper_sheet, "_flowables", broken)
    with pytest.raises(RuntimeError):
        write_paper_sheets(tmp_path / "x.pdf", [sheet(3, 5)])
    assert list(tmp_path.iterdir()) == []
