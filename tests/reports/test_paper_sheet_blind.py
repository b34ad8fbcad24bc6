"""A blind paper sheet is printed from drawn codes only: before the draw it is refused
with what to do, rather than rows "#1…#22" that name no one a judge can see."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from contest_desk.domain.records.contests import EntryInfo, ScoreSheet
from contest_desk.errors import UserError
from contest_desk.reports.paper_sheet import paper_sheet_from, write_paper_sheets


def sheet(*codes: str) -> ScoreSheet:
    entries = tuple(
        EntryInfo(n, code, "", code, code, None, None) for n, code in enumerate(codes, start=1)
    )
    return ScoreSheet(1, 1, 1, entries, (), {})


def test_a_round_not_drawn_is_refused_and_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(UserError) as refused:
        paper_sheet_from(sheet("#1", "#2", "#3"), "2026年比武", "采油工", "决赛", "张振华")
    assert refused.value.message() == (
        "采油工 决赛：3 个参赛单元中有 3 个还没有抽签号。请先抽签（在“竞赛 → 抽签”中进行）："
        "纸质评分表只用加密号标明参赛单元，裁判才能盲评"
    )
    assert list(tmp_path.iterdir()) == []


def test_entries_that_joined_after_the_draw_are_counted() -> None:
    with pytest.raises(UserError) as refused:
        paper_sheet_from(sheet("A001", "A002", "#3", ""), "2026年比武", "采油工", "决赛", "张振华")
    assert "4 个参赛单元中有 2 个还没有抽签号" in refused.value.message()


def test_a_drawn_round_prints_its_codes(tmp_path: Path) -> None:
    paper = paper_sheet_from(sheet("A002", "A001"), "2026年比武", "采油工", "决赛", "张振华")
    assert paper.codes == ("A002", "A001")
    text = PdfReader(write_paper_sheets(tmp_path / "评分表.pdf", [paper])).pages[0].extract_text()
    assert "A001" in text and "#" not in text
