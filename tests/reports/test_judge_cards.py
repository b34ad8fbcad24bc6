"""Judges' cards: eight to a page, each with the judge's name, the contest, the day and the
hub's address as searchable text; the token only in the QR code, never in text or logs."""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from contest_desk.domain.signing import qr_image_data, qr_matrix
from contest_desk.reports.judge_cards import PER_PAGE, JudgeCard, write_judge_cards

NAMES = ["张振华", "李国强", "王秀兰", "赵立新", "孙海燕", "周建军", "吴晓东", "郑丽娜", "冯志刚"]
TOKEN = "Zm9vYmFyYmF6cXV4cXV1eA"
BASE = "http://192.168.1.20:8765"


def cards(count: int) -> list[JudgeCard]:
    return [
        JudgeCard(
            NAMES[n % len(NAMES)],
            "2026年采油厂职工技能比武",
            dt.date(2026, 5, 12),
            f"{BASE}/t#{TOKEN}{n}",
            f"{BASE}/",
        )
        for n in range(count)
    ]


def test_eight_cards_to_a_page_with_names_and_the_address(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    path = write_judge_cards(tmp_path / "裁判卡.pdf", cards(PER_PAGE + 1))
    reader = PdfReader(path)
    assert PER_PAGE == 8 and len(reader.pages) == 2
    first, second = (page.extract_text() for page in reader.pages)
    for name in NAMES[:PER_PAGE]:
        assert name in first
    assert NAMES[PER_PAGE] in second and NAMES[0] not in second
    for expected in ("现场评分 · 裁判卡", "2026年采油厂职工技能比武", "2026-05-12", BASE):
        assert expected in first
    everything = "".join(page.extract_text() for page in reader.pages)
    assert TOKEN not in everything  # only the QR code holds it
    assert TOKEN not in path.read_bytes().decode("latin-1")
    assert all(TOKEN not in record.getMessage() for record in caplog.records)


def test_each_card_s_qr_code_holds_its_token_log_in(tmp_path: Path) -> None:
    """segno cannot decode; the drawn image is compared with the code of the card's text."""
    made = cards(3)
    content = PdfReader(write_judge_cards(tmp_path / "c.pdf", made)).pages[0].get_contents()
    assert content is not None
    drawn = re.findall(r"ID ([0-9a-f]+)> EI", content.get_data().decode("latin-1"))
    assert drawn == [qr_image_data(qr_matrix(card.login_url)) for card in made]


def test_nothing_is_left_behind_when_the_folder_is_missing(tmp_path: Path) -> None:
    from contest_desk.errors import UserError

    with pytest.raises(UserError, match="无法写入"):
        write_judge_cards(tmp_path / "missing" / "cards.pdf", cards(1))
    assert list(tmp_path.iterdir()) == []
