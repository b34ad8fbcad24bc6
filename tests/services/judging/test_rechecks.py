"""Re-check of a round: the recorded sample, re-keyed values and the error rate."""

from __future__ import annotations

from decimal import Decimal

import pytest

from contest_desk.errors import UserError
from tests.services.judging.test_sheets import Panel, fill
from tests.services.judging.test_sheets import panel as panel  # the fixture


def test_a_recheck_finds_a_keying_error(panel: Panel) -> None:
    small, event = panel.small, panel.small.event.id
    for n in range(3):
        fill(panel, n, "8")
    info = panel.chief.rechecks.draw_sample(event, 1, seed="复核", top=2, share=Decimal("0.5"))
    assert len(info.entries) == 3  # the top 2, and one of the other 2
    assert len(info.cells) == 3 * 3 * 2  # 3 judges × P1, P2 per sampled entry
    for cell in info.cells:
        panel.chief.rechecks.key(info.id, cell, "8")
    assert panel.chief.rechecks.result(info.id).error_rate == 0
    first = info.cells[0]
    panel.chief.rechecks.key(info.id, first, "7.5")
    result = panel.chief.rechecks.result(info.id)
    assert [(m.cell, m.stored, m.keyed) for m in result.mismatches] == [
        (first, Decimal(8), Decimal("7.5"))
    ]
    assert result.error_rate == Decimal(1) / 18 and result.full_recheck_due
    with pytest.raises(UserError, match="不在复核抽样"):
        outside = next(e.id for e in small.entries if e.id not in info.entries)
        panel.chief.rechecks.key(info.id, (outside, "P1", small.judges[0].id), "8")
    (row,) = panel.chief.audit.records(detail={"seed": "复核"})
    assert row.action == "recheck.draw" and row.detail["entries"] == list(info.entries)
