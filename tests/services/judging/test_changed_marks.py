"""A mark changed in place (one UPDATE of its row, see storage/marks.py) leaves the same
table and the same trail as one removed and written again: one row per cell, the value
and the judge who keyed it last, and an audit check that finds nothing amiss."""

from __future__ import annotations

from decimal import Decimal as D

from sqlalchemy import select

from contest_desk.services.hub import Services
from contest_desk.storage import models as m
from tests.builders import SmallEvent


def rows(services: Services, entry: int) -> list[tuple[str, int, D]]:
    with services.ctx.db.reading() as s:
        found = s.execute(
            select(m.Criterion.code, m.Score.judge_id, m.Score.value)
            .join(m.Criterion, m.Criterion.id == m.Score.criterion_id)
            .where(m.Score.entry_id == entry)
            .order_by(m.Criterion.code, m.Score.judge_id)
        )
        return [(code, judge, value) for code, judge, value in found]


def test_changed_marks_keep_one_row_each_and_the_trail_checks(
    services: Services, small_event: SmallEvent
) -> None:
    ev, entry = small_event, small_event.entries[0].id
    first, second = ev.judges[0].id, ev.judges[1].id
    save = services.scoring.record_score
    for value in ("8", "8.5", "7"):  # the judge's own mark, changed twice
        save(ev.event.id, 1, first, entry, "P1", value)
    save(ev.event.id, 1, second, entry, "P1", "9")
    save(ev.event.id, 1, first, entry, "M1", "0.3")  # an objective value, re-keyed by another
    save(ev.event.id, 1, second, entry, "M1", "0.1", expected=D("0.3"))
    assert rows(services, entry) == [("M1", second, D("0.1")), ("P1", first, D(7)),
                                     ("P1", second, D(9))]  # fmt: skip
    save(ev.event.id, 1, first, entry, "P1", "")  # cleared
    assert rows(services, entry) == [("M1", second, D("0.1")), ("P1", second, D(9))]
    check = services.audit.verify()
    assert check.intact and check.compared > 0
