"""Appeals: filed with time and reason, decided on the record; a changed score goes the
unlock-and-reason way."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from contest_desk.errors import UserError
from contest_desk.services.hub import Services
from tests.services.judging.test_sheets import Panel, fill, stored
from tests.services.judging.test_sheets import panel as panel  # the fixture

FILED = dt.datetime(2026, 5, 12, 16, 30)


def test_an_appeal_is_filed_and_decided_on_the_record(services: Services, small_event) -> None:
    entry = small_event.entries[1].id
    services.appeals.clock = lambda: FILED
    with pytest.raises(UserError, match="申诉需要"):
        services.appeals.file(entry, 1, "李明", " ")
    appeal = services.appeals.file(entry, 1, "李明", "B2 测量值与现场记录不符")
    assert (appeal.filed_at, appeal.outcome, appeal.round_number) == (FILED, None, 1)

    with pytest.raises(UserError):
        services.appeals.decide(appeal.id, "maybe", "…")
    services.appeals.clock = lambda: FILED + dt.timedelta(hours=1)
    decided = services.appeals.decide(appeal.id, "upheld", "经仲裁组复核，B2 应为 0.3 mm")
    assert (decided.outcome, decided.decided_by) == ("upheld", "system")
    with pytest.raises(UserError, match="已经裁决"):
        services.appeals.decide(appeal.id, "rejected", "again")
    (listed,) = services.appeals.appeals(small_event.event.id)
    assert listed == decided
    actions = [r.action for r in services.audit.records(targets=(f"entry:{entry}",))]
    assert actions[:2] == ["appeal.decide", "appeal.file"]


def test_an_upheld_appeal_changes_a_locked_score_only_through_unlock(panel: Panel) -> None:
    small, chief = panel.small, panel.chief
    event, entry, judge = small.event.id, small.entries[0].id, small.judges[0].id
    for n in range(3):
        fill(panel, n, "6" if n == 0 else "8")
        panel.judges[n].sheets.submit(event, 1, small.judges[n].id, f"j{n + 1}-pass")
    chief.sheets.lock_round(event, 1)
    appeal = chief.appeals.file(entry, 1, "王建国", "P1 评分过低")
    chief.appeals.decide(appeal.id, "upheld", "P1 改为 8 分")

    with pytest.raises(UserError, match="已锁定"):
        chief.scoring.record_score(event, 1, judge, entry, "P1", "8", reason=f"申诉 {appeal.id}")
    chief.sheets.unlock_round(event, 1, f"申诉 {appeal.id} 成立")
    chief.scoring.record_score(event, 1, judge, entry, "P1", "8", reason=f"申诉 {appeal.id}")
    chief.sheets.lock_round(event, 1)

    assert stored(chief, judge, entry, "P1") == Decimal(8)
    trail = [(r.action, r.note) for r in chief.audit.records(detail={"round": 1})][:3]
    assert trail == [
        ("round.lock", ""),
        ("score.record", f"申诉 {appeal.id}"),
        ("round.unlock", f"申诉 {appeal.id} 成立"),
    ]
