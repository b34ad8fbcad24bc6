"""plain_names.py: sizes with their unit, templates, actors and judges by their names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contest_desk.domain import limits
from contest_desk.domain.plain_names import (
    actor_name,
    file_size,
    judge_labels,
    template_name,
    undrawn_place,
)
from contest_desk.domain.records.contests import JudgeInfo
from contest_desk.errors import UserError
from contest_desk.i18n import set_language


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (0, "0 字节"),
        (52, "52 字节"),
        (1023, "1023 字节"),
        (1024, "1 KB"),
        (1250, "1.2 KB"),
        (1280, "1.3 KB"),  # 1.25 KB, half up
        (1024 * 1024 - 1, "1 MB"),  # 1023.999 KB is not "1024 KB"
        (3565158, "3.4 MB"),
        (5 * 1024**3, "5 GB"),
    ],
)
def test_sizes_carry_their_unit(size: int, shown: str) -> None:
    assert file_size(size) == shown


def test_sizes_in_english() -> None:
    set_language("en")
    try:
        assert file_size(52) == "52 bytes"
        assert template_name("landscape") == "Landscape (A4 across)"
    finally:
        set_language("zh_CN")


@given(st.integers(min_value=0, max_value=2**50))
def test_every_size_has_a_unit_and_at_most_one_decimal(size: int) -> None:
    number, unit = file_size(size).split(" ")
    assert unit in ("字节", "KB", "MB", "GB")
    assert len(number.partition(".")[2]) <= 1
    assert unit == "GB" or float(number) < 1024


def test_a_refused_file_names_its_size_with_a_unit() -> None:
    with pytest.raises(UserError) as refused:
        limits.check_file_size(3 * 1024 * 1024, "名单.csv", 1024 * 1024)
    assert refused.value.message() == "名单.csv 有 3 MB，只能读取不超过 1 MB 的文件"


def test_templates_by_name() -> None:
    assert template_name("landscape") == "横版（A4 横向）"
    assert template_name("portrait") == "竖版（A4 纵向）"
    assert template_name("工会红版") == "工会红版"


def test_actors_by_name() -> None:
    names = {"zhou": "周明"}
    assert actor_name("system", names) == "系统（自动）"
    assert actor_name("zhou", names) == "周明"
    assert actor_name("gone", names) == "gone"  # no account has it: what was recorded
    assert actor_name("", names) == "—"


def judge(id: int, name: str, unit: str = "") -> JudgeInfo:
    return JudgeInfo(id, f"judge{id}", name, unit)


def test_judges_by_name_and_namesakes_by_unit_then_number() -> None:
    labels = judge_labels(
        [
            judge(3, "张振华", "采油一区"),
            judge(1, "张振华", "采油二区"),
            judge(2, "李明"),
            judge(4, "张振华", "采油一区"),
            judge(5, "李明"),
            judge(6, "王秀兰", "采油一区"),
        ]
    )
    assert labels == {
        1: "张振华（采油二区）",
        2: "李明（第1位）",
        3: "张振华（采油一区，第1位）",
        4: "张振华（采油一区，第2位）",
        5: "李明（第2位）",
        6: "王秀兰",
    }
    assert not any("judge" in label for label in labels.values())


def test_stand_ins_for_codes_not_drawn() -> None:
    assert undrawn_place("#12") == 12
    for drawn in ("A001", "#001", "12", "#", "#0"):
        assert undrawn_place(drawn) is None
