"""audit.record_pages, what the Excel export reads the whole trail through: every row that
matches, newest first, once, in pages of at most a batch, each page read only when the one
before has been taken (so a year's trail is never held whole), with its names; on SQLite
and PostgreSQL."""

from __future__ import annotations

from itertools import chain

import pytest

from contest_desk.domain.records.audit import AuditRow
from contest_desk.services.hub import Services
from contest_desk.storage import audit_reads
from tests.builders import SmallEvent
from tests.services.safety.test_audit_reads import judged_by, trail

__all__ = ["trail"]  # the fixture, shared with the bounded reads' tests


def counted_rows(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The seq of each row the storage makes from what the database handed it, in order."""
    made: list[int] = []

    def row(seq: int, *rest: object) -> AuditRow:
        made.append(seq)
        return AuditRow(seq, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(audit_reads, "AuditRow", row)
    return made


def test_the_whole_trail_comes_in_pages_each_read_when_asked(
    services: Services, trail: list[AuditRow], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_reads, "_BATCH", 3)
    made = counted_rows(monkeypatch)
    pages = services.audit.record_pages()
    first, names = next(pages)
    assert first == trail[:3]
    assert len(made) <= 6 < len(trail)  # the page and at most the next batch: not the trail
    assert names == services.audit.names(first)  # what that page's rows name
    rest = [page for page, _names in pages]
    assert len(rest) >= 3 and all(1 <= len(page) <= 3 for page in rest)
    assert [*first, *chain.from_iterable(rest)] == trail  # each row once, newest first
    assert made == [r.seq for r in trail]  # and read from the database once


@pytest.mark.parametrize("batch", [2, 2000])
def test_pages_keep_the_filters(
    services: Services,
    small_event: SmallEvent,
    trail: list[AuditRow],
    monkeypatch: pytest.MonkeyPatch,
    batch: int,
) -> None:
    monkeypatch.setattr(audit_reads, "_BATCH", batch)
    first = small_event.judges[0].id
    judged = list(services.audit.record_pages(detail={"judge": first}))
    assert [r for page, _n in judged for r in page] == judged_by(trail, first)
    entry = f"entry:{small_event.entries[1].id}"
    targeted = list(services.audit.record_pages((entry,)))
    assert [r for page, _n in targeted for r in page] == [r for r in trail if r.target == entry]
    assert all(entry in names for _page, names in targeted)  # each page's names with it
    assert services.audit.record_count((entry,)) == len([r for p, _n in targeted for r in p])
    assert services.audit.record_count(detail={"judge": first}) == 4
    assert services.audit.record_count() == len(trail)  # the progress bar's total


def test_pages_closed_early_read_no_further(
    services: Services, trail: list[AuditRow], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Cancel closes the pages: the reading stops there and its session ends."""
    monkeypatch.setattr(audit_reads, "_BATCH", 2)
    made = counted_rows(monkeypatch)
    pages = services.audit.record_pages()
    next(pages)
    pages.close()
    assert len(made) <= 4
    assert services.audit.records(limit=1) == trail[:1]  # the database answers as before
