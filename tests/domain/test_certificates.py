"""Certificates: the Chinese date, templates that refuse unknown fields, the layout both
renderers draw, and signed QR payloads checked with and without the right key."""

from __future__ import annotations

import datetime as dt

import pytest

from contest_desk.domain.certificates import (
    BUILT_IN,
    Fields,
    Orientation,
    Template,
    chinese_date,
    chinese_number,
    layout,
)
from contest_desk.domain.signing import new_key_pair, qr_text, read_qr
from contest_desk.errors import UserError

FIELDS = {
    "serial": "CD-2026-01-00012",
    "name": "王建国",
    "unit": "采油一区",
    "contest": "2026年采油厂职工技能比武",
    "event": "采油工",
    "award": "一等奖",
    "date": "二〇二六年十一月",
    "organization": "采油厂工会",
}


def test_dates_are_written_the_chinese_way() -> None:
    assert [chinese_number(n) for n in (1, 10, 12, 20, 31)] == [
        "一",
        "十",
        "十二",
        "二十",
        "三十一",
    ]
    assert chinese_date(dt.date(2026, 11, 20)) == "二〇二六年十一月"
    assert chinese_date(dt.date(2030, 1, 5), with_day=True) == "二〇三〇年一月五日"


def test_a_template_with_a_field_the_data_lacks_is_refused() -> None:
    for template in BUILT_IN.values():
        template.check()
    with pytest.raises(UserError, match="score"):
        Template("mine", body="{name} 得分 {score}").check()
    with pytest.raises(UserError, match="页边距"):
        Template("mine", margin=120).check()


def test_the_layout_places_the_text_the_qr_and_the_serial() -> None:
    steps = layout(BUILT_IN["landscape"], Fields(FIELDS), "CD1|x|y")
    texts = [s.text for s in steps if s.kind == "text"]
    assert texts[0] == "荣誉证书"
    assert any("王建国 同志在2026年采油厂职工技能比武采油工中荣获一等奖" in t for t in texts)
    assert "采油厂工会" in texts and "二〇二六年十一月" in texts and FIELDS["serial"] in texts
    (qr,) = [s for s in steps if s.kind == "qr"]
    assert qr.text == "CD1|x|y" and qr.width == qr.height == 28
    portrait = layout(BUILT_IN["portrait"], Fields(FIELDS), "q")
    assert BUILT_IN["portrait"].orientation is Orientation.PORTRAIT
    width, height = BUILT_IN["portrait"].page
    assert all(0 <= s.x <= width and 0 <= s.y <= height for s in portrait)


def test_a_signed_payload_holds_only_for_its_key_and_its_bytes() -> None:
    keys, other = new_key_pair(), new_key_pair()
    text = qr_text(FIELDS, keys.private)
    reading = read_qr(text, keys.public)
    assert reading is not None and reading.signed and reading.fields["name"] == "王建国"
    assert read_qr(text, other.public).signed is False  # type: ignore[union-attr]
    assert read_qr(text, None).signed is False  # type: ignore[union-attr]
    prefix, _payload, signature = text.split("|")
    forged = qr_text({**FIELDS, "award": "特等奖"}, other.private).split("|")[1]
    assert read_qr(f"{prefix}|{forged}|{signature}", keys.public).signed is False  # type: ignore[union-attr]
    assert read_qr("https://example.invalid", keys.public) is None
