"""The chief judge's live desk: each sheet's last mark time and device on the progress board."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from contest_desk.storage import models as m
from tests.services.judging import test_sheets as shared
from tests.services.judging.test_sheets import Panel

panel = shared.panel


def test_the_board_shows_when_and_from_where_each_judge_last_marked(panel: Panel) -> None:
    small, event = panel.small, panel.small.event.id
    shared.fill(panel, 0)
    status = panel.chief.sheets.round_status(event, 1)
    # Nothing written by the hub yet: no time, no device (the desk's own grid has neither).
    assert [(s.last_mark_at, s.device) for s in status.sheets][1:] == [(None, "")] * 2

    at = dt.datetime(2026, 5, 12, 1, 30, 5)
    # The hub's record_score writes these two columns; here the row is written directly.
    with panel.chief.ctx.db.transaction() as s:
        rnd = s.scalar(select(m.Round).where(m.Round.event_id == event, m.Round.number == 1))
        assert rnd is not None
        s.add(
            m.Sheet(
                round_id=rnd.id,
                judge_id=small.judges[1].id,
                state="draft",
                last_mark_at=at,
                last_device="192.168.1.23",
            )
        )
    status = panel.chief.sheets.round_status(event, 1)
    second = status.sheets[1]
    assert (second.judge.id, second.last_mark_at, second.device) == (
        small.judges[1].id,
        at,
        "192.168.1.23",
    )
    assert (second.filled, second.state) == (0, "draft")
