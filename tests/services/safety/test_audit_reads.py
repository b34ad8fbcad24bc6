"""audit.records bounded: ``limit`` gives the newest rows that match (the detail filter
counted before the limit, across batches), ``after`` only the rows after a sequence
number; both alone, together and with the other filters, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from contest_desk.domain.records.audit import AuditRow
from contest_desk.services.hub import Services
from contest_desk.storage import audit_reads
from contest_desk.storage import models as m
from contest_desk.storage.audit_log import Pending, append
from tests.builders import SmallEvent


@pytest.fixture
def trail(services: Services, small_event: SmallEvent) -> list[AuditRow]:
    """The first judge's marks first, then the others': the first judge's rows are the
    oldest marks, far from the newest rows. The whole trail, newest first."""
    event = small_event.event.id
    for judge in small_event.judges:
        for entry, value in zip(small_event.entries, ("8", "7", "9", "6"), strict=True):
            services.scoring.record_score(event, 1, judge.id, entry.id, "P1", value)
    rows = services.audit.records()
    with services.ctx.db.reading() as s:
        assert len(rows) == s.scalar(select(func.count()).select_from(m.AuditRecord))
    seqs = [r.seq for r in rows]
    assert seqs == sorted(seqs, reverse=True)
    return rows


def judged_by(rows: list[AuditRow], judge_id: int) -> list[AuditRow]:
    return [r for r in rows if r.detail.get("judge") == judge_id]


def test_limit_gives_the_newest_rows(services: Services, trail: list[AuditRow]) -> None:
    assert services.audit.records(limit=5) == trail[:5]
    assert services.audit.records(limit=1) == trail[:1]
    assert services.audit.records(limit=len(trail) + 10) == trail
    assert services.audit.records(limit=0) == []


def test_after_gives_only_later_rows(services: Services, trail: list[AuditRow]) -> None:
    assert services.audit.records(after=trail[7].seq) == trail[:7]
    assert services.audit.records(after=trail[0].seq) == []
    assert services.audit.records(after=0) == trail
    assert services.audit.records(after=trail[7].seq, limit=3) == trail[:3]


@pytest.mark.parametrize("batch", [2, 2000])  # the filter across many batches, and in one
def test_the_detail_filter_is_counted_before_the_limit(
    services: Services,
    small_event: SmallEvent,
    trail: list[AuditRow],
    monkeypatch: pytest.MonkeyPatch,
    batch: int,
) -> None:
    monkeypatch.setattr(audit_reads, "_BATCH", batch)
    first = small_event.judges[0].id
    mine = judged_by(trail, first)
    assert len(mine) == 4 and trail.index(mine[0]) >= 8  # behind the other judges' marks
    assert services.audit.records(detail={"judge": first}) == mine
    assert services.audit.records(detail={"judge": first}, limit=2) == mine[:2]
    assert services.audit.records(detail={"judge": first}, limit=9) == mine
    assert services.audit.records(detail={"judge": first}, after=mine[2].seq) == mine[:2]
    both = services.audit.records(detail={"judge": first}, after=mine[3].seq, limit=2)
    assert both == mine[:2]
    assert services.audit.records(detail={"judge": first}, after=mine[0].seq) == []


def test_with_targets_and_detail_together(
    services: Services, small_event: SmallEvent, trail: list[AuditRow]
) -> None:
    entry, judge = small_event.entries[1].id, small_event.judges[1].id
    targets = (f"entry:{entry}",)
    theirs = [r for r in trail if r.target == targets[0]]
    assert services.audit.records(targets) == theirs
    assert services.audit.records(targets, limit=2) == theirs[:2]
    assert services.audit.records(targets, after=theirs[1].seq) == theirs[:1]
    (row,) = services.audit.records(targets, detail={"judge": judge, "new": "7"}, limit=5)
    assert (row.target, row.detail["judge"], row.new) == (targets[0], judge, "7")


def test_the_detail_filter_keeps_json_types_apart(
    services: Services, small_event: SmallEvent, trail: list[AuditRow]
) -> None:
    """The database leaves out what does not read the same as text (the number 4.0,
    which Python alone took for 4); what does but is another JSON type (the text "4")
    is told apart after, as before."""
    first = small_event.judges[0].id
    with services.ctx.db.transaction() as s:
        for judge in (str(first), float(first)):
            append(s, Pending("admin", "test.row", "entry:0", {"judge": judge}, ""))
    mine = judged_by(trail, first)
    assert services.audit.records(detail={"judge": first}, limit=9) == mine
    (text,) = services.audit.records(detail={"judge": str(first)})
    assert text.detail["judge"] == str(first)
