"""Discrepancy flags: found from the marks, confirmed or sent back, and holding up the lock."""

from __future__ import annotations

from decimal import Decimal

import pytest

from contest_desk.errors import UserError
from tests.services.judging.test_sheets import Panel, fill
from tests.services.judging.test_sheets import panel as panel  # the fixture

D = Decimal


def marked(panel: Panel, p1_of_first_judge: str) -> tuple[int, int]:
    """Every judge marks 8 everywhere, except judge 1's P1 for the first entry."""
    small = panel.small
    for n in range(3):
        fill(panel, n, "8")
    entry = small.entries[0].id
    panel.judges[0].scoring.record_score(
        small.event.id, 1, small.judges[0].id, entry, "P1", p1_of_first_judge
    )
    return small.event.id, entry


def submit_all(panel: Panel) -> None:
    small = panel.small
    for n in range(3):
        panel.judges[n].sheets.submit(small.event.id, 1, small.judges[n].id, f"j{n + 1}-pass")


def test_a_spread_above_the_threshold_is_flagged(panel: Panel) -> None:
    # P1 is out of 10: 20 % allows a spread of 2.
    event, entry = marked(panel, "6")
    assert panel.chief.discrepancies.flags(event, 1) == []  # 8, 8, 6: spread 2, allowed
    panel.judges[0].scoring.record_score(event, 1, panel.small.judges[0].id, entry, "P1", "5.5")
    (info,) = panel.chief.discrepancies.flags(event, 1)
    assert (info.flag.entry_id, info.flag.code, info.flag.spread) == (entry, "P1", D("2.5"))
    assert info.flag.marks == (D("5.5"), D(8), D(8)) and info.confirmed is None


def test_the_round_does_not_lock_until_the_flag_is_resolved(panel: Panel) -> None:
    event, entry = marked(panel, "3")
    submit_all(panel)
    with pytest.raises(UserError, match="1 处分差超限尚未处理"):
        panel.chief.sheets.lock_round(event, 1)
    with pytest.raises(UserError, match="请填写理由"):
        panel.chief.discrepancies.confirm(event, 1, entry, "P1", "")
    panel.chief.discrepancies.confirm(event, 1, entry, "P1", "现场录像复核，扣分有据")
    (info,) = panel.chief.discrepancies.flags(event, 1)
    assert info.confirmed == "现场录像复核，扣分有据"
    panel.chief.sheets.lock_round(event, 1)
    (row,) = panel.chief.audit.records(detail={"criterion": "P1", "marks": ["3", "8", "8"]})
    assert (row.actor, row.action) == ("chief", "flag.confirm")


def test_sending_a_cell_back_reopens_the_sheets_and_new_marks_are_judged_afresh(
    panel: Panel,
) -> None:
    small = panel.small
    event, entry = marked(panel, "3")
    submit_all(panel)
    reopened = panel.chief.discrepancies.send_back(event, 1, entry, "P1", "P1 分差过大，请复评")
    assert reopened == [j.id for j in small.judges]
    assert panel.judges[0].scoring.sheet(event, 1, small.judges[0].id).state == "draft"
    # Judge 1 re-marks within the spread; the flag is gone without any confirmation.
    panel.judges[0].scoring.record_score(event, 1, small.judges[0].id, entry, "P1", "7")
    assert panel.chief.discrepancies.flags(event, 1) == []


def test_a_confirmation_holds_only_for_the_marks_it_was_given_on(panel: Panel) -> None:
    small = panel.small
    event, entry = marked(panel, "3")
    panel.chief.discrepancies.confirm(event, 1, entry, "P1", "已核实")
    panel.judges[0].scoring.record_score(event, 1, small.judges[0].id, entry, "P1", "2")
    (info,) = panel.chief.discrepancies.flags(event, 1)
    assert info.confirmed is None


def test_the_threshold_is_the_events_setting(panel: Panel, services) -> None:
    event, _entry = marked(panel, "3")
    info = services.contests.event(event)
    from dataclasses import replace

    services.contests.update_event(
        event, info.name, replace(info.settings, discrepancy_threshold=D("0.6"))
    )
    assert panel.chief.discrepancies.flags(event, 1) == []  # spread 5 ≤ 6
    with pytest.raises(UserError, match="分差阈值"):
        services.contests.update_event(
            event, info.name, replace(info.settings, discrepancy_threshold=D(0))
        )


def test_the_consistency_report_counts_flagged_marks(panel: Panel) -> None:
    event, _entry = marked(panel, "3")
    report = panel.chief.consistency.report(event, 1)
    first, second, _third = report.judges
    assert (first.bias.marks, first.bias.flagged) == (8, 1)
    assert first.bias.bias is not None and first.bias.bias < 0 < (second.bias.bias or 0)
    assert [a.code for a in report.agreements] == ["P1", "P2", "total"]
    assert report.agreements[-1].icc.targets_used == 4
